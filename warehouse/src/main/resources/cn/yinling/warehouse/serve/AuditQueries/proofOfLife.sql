-- A page of one month's longevity-allowance recipients with one status, in the order a street office visits them:
-- district, street, community, then person_key.
SELECT p.person_key,
       strftime(p.month, '%Y-%m') AS month,
       p.region_code,
       r.name AS region_name,
       p.district_code,
       d.name AS district_name,
       p.street_code,
       s.name AS street_name,
       p.community_code,
       c.name AS community_name,
       p.status,
       p.evidence_date,
       p.evidence_source,
       p.evidence
FROM mart_proof_of_life p
LEFT JOIN dim_region r ON r.region_code = p.region_code
LEFT JOIN dim_region d ON d.region_code = p.district_code
LEFT JOIN dim_region s ON s.region_code = p.street_code
LEFT JOIN dim_region c ON c.region_code = p.community_code
WHERE p.month = CAST(:month || '-01' AS DATE)
  AND p.status = :status
  AND (CAST(:region AS VARCHAR) IS NULL
       OR CAST(:region AS VARCHAR) IN (p.region_code, p.city_code, p.district_code, p.street_code, p.community_code))
ORDER BY p.district_code NULLS LAST, p.street_code NULLS LAST, p.community_code NULLS LAST, p.person_key
LIMIT :limit OFFSET :offset
