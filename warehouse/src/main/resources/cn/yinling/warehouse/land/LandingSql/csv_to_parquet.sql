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
-- A column stops trying dictionary encoding past 4,096 distinct values in a row group: ID numbers and names never
-- fit, and trying cost DuckDB's default about 0.7 s of 4.7 s on 10.4 million household rows; codes and region codes
-- still get their dictionaries (the file came out the same size).
) TO :parquet (FORMAT parquet, COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 4096)
