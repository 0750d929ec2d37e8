-- Full identities of the persons a session has revealed, for its export.
SELECT person_key, name, id_number
FROM read_parquet(<vault>)
WHERE person_key IN (<keys>)
