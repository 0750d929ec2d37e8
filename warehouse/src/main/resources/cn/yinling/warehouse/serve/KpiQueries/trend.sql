-- One KPI of one region over every published month, oldest first.
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
WHERE k.kpi_code = :kpiCode
  AND k.region_code = :regionCode
  AND k.breakdown IS NOT DISTINCT FROM CAST(:breakdown AS VARCHAR)
ORDER BY k.month
