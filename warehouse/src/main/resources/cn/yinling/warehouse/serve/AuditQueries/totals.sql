-- How many findings the filter of findings.sql selects, and their amount.
SELECT CAST(COUNT(*) AS BIGINT) AS findings,
       CAST(SUM(f.amount) AS DECIMAL(18, 2)) AS amount
FROM audit_finding f
WHERE (CAST(:rule AS VARCHAR) IS NULL OR f.rule = CAST(:rule AS VARCHAR))
  AND (CAST(:month AS VARCHAR) IS NULL OR f.month = CAST(:month || '-01' AS DATE))
  AND (CAST(:region AS VARCHAR) IS NULL
       OR CAST(:region AS VARCHAR) IN (f.region_code, f.city_code, f.district_code, f.street_code, f.community_code))
