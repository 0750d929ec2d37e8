-- Audit findings of the months of a report (city and districts), summed per rule and region.
SELECT rule,
       region_code,
       CAST(region_level AS INTEGER) AS region_level,
       CAST(SUM(findings) AS BIGINT) AS findings,
       CAST(SUM(amount) AS DOUBLE) AS amount
FROM mart_audit_summary
WHERE region_level IN (2, 3)
  AND month >= CAST(:fromMonth || '-01' AS DATE)
  AND month <= CAST(:toMonth || '-01' AS DATE)
GROUP BY rule, region_code, region_level
ORDER BY region_level, region_code, rule
