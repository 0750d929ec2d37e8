-- The KPIs the version computed at all (a KPI without a model has no rows).
SELECT DISTINCT kpi_code
FROM mart_kpi
ORDER BY kpi_code
