-- One finding by its id.
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
WHERE f.finding_id = :findingId
