-- One KPI for the regions directly below a region (district -> streets -> communities) in one month.
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
FROM dim_region r
JOIN mart_kpi k ON k.region_code = r.region_code
WHERE r.parent_code = :parentCode
  AND k.kpi_code = :kpiCode
  AND k.month = CAST(:month || '-01' AS DATE)
  AND k.breakdown IS NOT DISTINCT FROM CAST(:breakdown AS VARCHAR)
ORDER BY r.region_code
