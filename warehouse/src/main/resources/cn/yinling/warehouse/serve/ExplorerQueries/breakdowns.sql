-- The breakdown values each KPI has rows for in the version (facilities_open by facility_type, reject_rate by feed …).
SELECT DISTINCT kpi_code, breakdown
FROM mart_kpi
WHERE breakdown IS NOT NULL
ORDER BY kpi_code, breakdown
