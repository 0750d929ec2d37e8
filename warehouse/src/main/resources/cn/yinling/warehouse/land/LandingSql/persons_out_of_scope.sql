-- OUT_OF_SCOPE for person feeds: the upload's rows (row number, ID number, loaded?) whose person is registered in the
-- household snapshot in force, and only outside the unit's scope. Persons the register does not know are not listed.
WITH upload_rows AS (
    SELECT *
    FROM read_csv(:ids,
                  header = false,
                  auto_detect = false,
                  delim = ',',
                  quote = '"',
                  columns = {'_row': 'INTEGER', 'id_number': 'VARCHAR', 'loaded': 'BOOLEAN'})
),

registered AS (
    SELECT id_number, region_code
    FROM read_parquet(string_split(:households, chr(10)))
    WHERE id_number IS NOT NULL AND region_code IS NOT NULL
),

placed AS (
    SELECT
        upload_rows._row,
        upload_rows.loaded,
        bool_or(starts_with(registered.region_code, :scope_prefix)) AS inside_scope,
        min(registered.region_code) AS registered_region
    FROM upload_rows
    JOIN registered ON registered.id_number = upload_rows.id_number
    GROUP BY upload_rows._row, upload_rows.loaded
),

final AS (
    SELECT _row AS line, loaded, registered_region AS region
    FROM placed
    WHERE NOT inside_scope
)

SELECT * FROM final ORDER BY line
