-- Every KPI row of one region and month, with the same KPI's value one month earlier.
SELECT cur.kpi_code,
       cur.breakdown,
       cur.value,
       cur.numerator,
       cur.denominator,
       cur.target,
       prev.value AS previous_value
FROM mart_kpi cur
LEFT JOIN mart_kpi prev
       ON prev.kpi_code = cur.kpi_code
      AND prev.region_code = cur.region_code
      AND prev.breakdown IS NOT DISTINCT FROM cur.breakdown
      AND prev.month = CAST(cur.month - INTERVAL 1 MONTH AS DATE)
WHERE cur.region_code = :regionCode
  AND cur.month = CAST(:month || '-01' AS DATE)
ORDER BY cur.kpi_code, cur.breakdown NULLS FIRST
