SELECT CAST(COUNT(*) AS BIGINT)
FROM mart_proof_of_life p
WHERE p.month = CAST(:month || '-01' AS DATE)
  AND p.status = :status
  AND (CAST(:region AS VARCHAR) IS NULL
       OR CAST(:region AS VARCHAR) IN (p.region_code, p.city_code, p.district_code, p.street_code, p.community_code))
