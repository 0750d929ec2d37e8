-- One person's full identity: only for a reveal a planner asked for with a reason.
SELECT person_key, name, id_number
FROM read_parquet(<vault>)
WHERE person_key = :personKey
LIMIT 1
