-- Writes one in-memory table of the fixture as the Parquet file of a published table folder.
COPY <table> TO <file> (FORMAT parquet)
