SELECT region_code, name, level, parent_code
FROM dim_region
WHERE level = 2
ORDER BY region_code
