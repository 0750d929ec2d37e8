-- The validating pass wrote accepted rows as a typed CSV (no header, text quoted when it must be, NULL = empty field);
-- column types come from the feed contract, so nothing is sniffed.
COPY (
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
) TO :parquet (FORMAT parquet, COMPRESSION snappy)
