-- The breadcrumb from the city down; the province (level 1) is above every KPI and left out.
SELECT a.region_code, a.name, a.level, a.parent_code
FROM dim_region r
JOIN dim_region a ON a.region_code IN (r.city_code, r.district_code, r.street_code)
WHERE r.region_code = :regionCode
  AND a.region_code != r.region_code
  AND a.level >= 2
ORDER BY a.level
