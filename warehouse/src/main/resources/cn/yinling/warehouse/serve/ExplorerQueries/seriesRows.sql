-- The trend explorer's rows: the chosen KPIs (total and every breakdown) of the chosen regions over a range of
-- months. The caller widens the range by the twelve months before it, for the month-on-month and year-on-year
-- changes of its first months.
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
WHERE k.kpi_code IN (<kpiCodes>)
  AND k.region_code IN (<regionCodes>)
  AND k.month BETWEEN CAST(:fromMonth || '-01' AS DATE) AND CAST(:toMonth || '-01' AS DATE)
ORDER BY k.kpi_code, k.region_code, k.breakdown NULLS FIRST, k.month
