-- Every facility code of the given facility batches: the facility registry that service providers are checked against.
SELECT DISTINCT facility_code
FROM read_parquet(string_split(:files, chr(10)))
WHERE facility_code IS NOT NULL
