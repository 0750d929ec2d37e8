-- The yardstick for the landing step: DuckDB's own CSV reader and Parquet writer over the same household file.
-- All columns as text, because the file mixes date forms that only the landing step's parsers understand. Rows
-- with another number of cells are skipped: the footer (合计,共210110人), which the landing step drops too, is one.
copy (
    select *
    from read_csv(:csv, skip = :skip, header = true, all_varchar = true, parallel = true, ignore_errors = true)
) to :parquet (format parquet, compression snappy)
