-- As csv_to_parquet, leaving out the rows a check after the validating pass quarantined (their row numbers, one a line).
COPY (
    WITH accepted AS (
        SELECT *
        FROM read_csv(:csv,
                      header = false,
                      auto_detect = false,
                      delim = ',',
                      quote = '"',
                      escape = '"',
                      allow_quoted_nulls = false,
                      dateformat = '%Y-%m-%d',
                      timestampformat = '%Y-%m-%d %H:%M:%S',
                      columns = <columns>)
    ),

    excluded AS (
        SELECT _row
        FROM read_csv(:excluded, header = false, auto_detect = false, columns = {'_row': 'INTEGER'})
    ),

    final AS (
        SELECT *
        FROM accepted
        WHERE _row NOT IN (SELECT _row FROM excluded)
    )

    SELECT * FROM final
) TO :parquet (FORMAT parquet, COMPRESSION snappy)
