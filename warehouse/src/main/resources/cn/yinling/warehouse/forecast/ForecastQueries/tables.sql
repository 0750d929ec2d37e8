-- The tables (views over Parquet folders) of the open version.
SELECT table_name
FROM information_schema.tables
ORDER BY table_name
