-- The rules x districts matrix of one month: the city (level 2) and its districts (level 3). Summed defensively:
-- the mart holds one row per rule, region and month.
SELECT s.rule,
       s.region_code,
       CAST(s.region_level AS INTEGER) AS region_level,
       strftime(s.month, '%Y-%m') AS month,
       CAST(SUM(s.findings) AS BIGINT) AS findings,
       SUM(s.amount) AS amount
FROM mart_audit_summary s
WHERE s.region_level IN (2, 3)
  AND s.month = CAST(:month || '-01' AS DATE)
GROUP BY s.rule, s.region_code, s.region_level, s.month
ORDER BY s.rule, s.region_level, s.region_code
