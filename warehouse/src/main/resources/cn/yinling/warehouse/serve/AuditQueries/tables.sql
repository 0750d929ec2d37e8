-- The tables of the opened version: one view per table folder (VersionSetup).
SELECT table_name
FROM information_schema.tables
ORDER BY table_name
