-- The general filter behind `aging kpi`: a null parameter means no restriction.
-- A region selects itself and every region below it (through the ancestor columns of dim_region).
SELECT k.kpi_code,
       k.breakdown,
       k.region_code,
       r.name AS region_name,
       k.region_level,
       strftime(k.month, '%Y-%m') AS month,
       k.value,
       k.numerator,
       k.denominator,
       k.target
FROM mart_kpi k
JOIN dim_region r ON r.region_code = k.region_code
WHERE (CAST(:fromMonth AS VARCHAR) IS NULL OR k.month >= CAST(:fromMonth || '-01' AS DATE))
  AND (CAST(:toMonth AS VARCHAR) IS NULL OR k.month <= CAST(:toMonth || '-01' AS DATE))
  AND (CAST(:regionCode AS VARCHAR) IS NULL
       OR CAST(:regionCode AS VARCHAR) IN (r.region_code, r.city_code, r.district_code, r.street_code))
  AND (CAST(:level AS INTEGER) IS NULL OR k.region_level = CAST(:level AS INTEGER))
  AND (CAST(:kpiCode AS VARCHAR) IS NULL OR k.kpi_code = CAST(:kpiCode AS VARCHAR))
ORDER BY k.month, k.region_level, k.region_code, k.kpi_code, k.breakdown NULLS FIRST
