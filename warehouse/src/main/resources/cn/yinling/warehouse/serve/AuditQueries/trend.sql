-- Findings and amount of every rule in one region, month by month (oldest first).
SELECT s.rule,
       s.region_code,
       CAST(s.region_level AS INTEGER) AS region_level,
       strftime(s.month, '%Y-%m') AS month,
       CAST(SUM(s.findings) AS BIGINT) AS findings,
       SUM(s.amount) AS amount
FROM mart_audit_summary s
WHERE s.region_code = :regionCode
GROUP BY s.rule, s.region_code, s.region_level, s.month
ORDER BY s.month, s.rule
