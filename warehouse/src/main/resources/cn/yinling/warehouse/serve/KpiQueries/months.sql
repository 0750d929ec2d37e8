-- Months that have KPI values, oldest first, as YYYY-MM.
SELECT strftime(m.month, '%Y-%m') AS label
FROM dim_month m
WHERE m.month IN (SELECT DISTINCT month FROM mart_kpi)
ORDER BY m.month
