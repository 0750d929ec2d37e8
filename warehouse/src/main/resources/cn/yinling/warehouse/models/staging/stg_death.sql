-- Death records (死亡登记) from the three sources, one row per accepted row. Birth date and sex come from the ID
-- number itself, for persons the household register does not know.
with

source as (
    select * from src_death
),

final as (
    select
        person_key(id_number) as person_key,
        to_date(substr(id_number, 7, 8), 'yyyyMMdd') as id_birth_date,
        case when cast(substr(id_number, 17, 1) as int) % 2 = 1 then 'M' else 'F' end as id_sex,
        death_date,
        source,
        to_date(concat(period, '-01')) as report_month,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
