-- One view per table folder of the published version; the data stays in the Parquet files.
CREATE VIEW <table> AS SELECT * FROM read_parquet(<glob>)
