-- Persons as the pages show them, masked here so that a list never carries a full name or ID number.
-- Name: the surname, then one '*' per remaining character (张三 -> 张*, 欧阳娜娜 -> 欧阳**); a two-character
-- compound surname (复姓) is kept whole when the name is longer than the surname. ID number: the first 4 and the
-- last 4 characters, every other one '*' (320302195001011234 -> 3203**********1234); 8 characters or fewer: all '*'.
WITH vault AS (
    SELECT person_key, name, id_number
    FROM read_parquet(<vault>)
    WHERE person_key IN (<keys>)
),

compound_surnames AS (
    SELECT unnest([
        '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
        '轩辕', '令狐', '钟离', '闻人', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '仲孙',
        '万俟', '司空', '端木', '独孤', '南宫', '西门', '百里', '呼延', '东郭', '拓跋', '第五', '左丘', '公羊',
        '赫连', '闾丘', '子车', '巫马', '公西', '漆雕', '乐正', '壤驷', '梁丘', '谷梁', '段干', '夹谷', '宰父',
        '羊舌', '微生', '公良', '鲜于', '亓官', '司寇', '仉督', '颛孙', '南门', '东门', '欧侯'
    ]) AS surname
),

surname_length AS (
    SELECT v.person_key,
           v.name,
           v.id_number,
           CASE WHEN length(v.name) > 2 AND left(v.name, 2) IN (SELECT surname FROM compound_surnames) THEN 2
                ELSE 1 END AS kept
    FROM vault v
),

final AS (
    SELECT person_key,
           CASE WHEN name IS NULL OR name = '' THEN NULL
                ELSE left(name, kept) || repeat('*', length(name) - kept) END AS name,
           CASE WHEN id_number IS NULL OR id_number = '' THEN NULL
                WHEN length(id_number) <= 8 THEN repeat('*', length(id_number))
                ELSE left(id_number, 4) || repeat('*', length(id_number) - 8) || right(id_number, 4) END AS id_number
    FROM surname_length
)

SELECT * FROM final
