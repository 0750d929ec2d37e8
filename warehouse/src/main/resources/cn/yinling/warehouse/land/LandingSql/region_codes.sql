-- Every region code of the given region batches, padded to 12 digits, with its level.
SELECT DISTINCT rpad(code, 12, '0') AS code, level
FROM read_parquet(string_split(:files, chr(10)))
WHERE code IS NOT NULL AND level IS NOT NULL
