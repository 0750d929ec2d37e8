-- A page of findings. A region selects the findings attributed to it or to any region below it (the ancestor
-- columns of audit_finding); a null filter part means no restriction.
SELECT f.finding_id,
       f.rule,
       strftime(f.month, '%Y-%m') AS month,
       f.person_key,
       f.order_id,
       f.region_code,
       r.name AS region_name,
       CAST(f.region_level AS INTEGER) AS region_level,
       f.district_code,
       f.street_code,
       f.community_code,
       CAST(f.amount AS DECIMAL(14, 2)) AS amount,
       f.evidence,
       f.evidence_json
FROM audit_finding f
LEFT JOIN dim_region r ON r.region_code = f.region_code
WHERE (CAST(:rule AS VARCHAR) IS NULL OR f.rule = CAST(:rule AS VARCHAR))
  AND (CAST(:month AS VARCHAR) IS NULL OR f.month = CAST(:month || '-01' AS DATE))
  AND (CAST(:region AS VARCHAR) IS NULL
       OR CAST(:region AS VARCHAR) IN (f.region_code, f.city_code, f.district_code, f.street_code, f.community_code))
ORDER BY f.rule, f.month, f.region_code, f.person_key, f.order_id NULLS FIRST, f.finding_id
LIMIT :limit OFFSET :offset
