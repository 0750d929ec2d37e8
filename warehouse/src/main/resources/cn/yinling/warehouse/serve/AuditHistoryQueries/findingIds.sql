-- The finding ids of one version folder's audit_finding.
SELECT DISTINCT finding_id
FROM read_parquet(<glob>)
