-- One KPI for every region directly below a region (district -> streets -> communities) in one month. A child
-- without a mart row is listed too, with null figures, so the page can say it has no data rather than leave it out.
SELECT CAST(:kpiCode AS VARCHAR) AS kpi_code,
       CAST(:breakdown AS VARCHAR) AS breakdown,
       r.region_code,
       r.name AS region_name,
       r.level AS region_level,
       CAST(:month AS VARCHAR) AS month,
       k.value,
       k.numerator,
       k.denominator,
       k.target
FROM dim_region r
LEFT JOIN mart_kpi k
       ON k.region_code = r.region_code
      AND k.kpi_code = :kpiCode
      AND k.month = CAST(:month || '-01' AS DATE)
      AND k.breakdown IS NOT DISTINCT FROM CAST(:breakdown AS VARCHAR)
WHERE r.parent_code = :parentCode
ORDER BY r.region_code
