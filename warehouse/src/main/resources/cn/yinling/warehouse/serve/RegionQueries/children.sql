SELECT region_code, name, level, parent_code
FROM dim_region
WHERE parent_code = :regionCode
ORDER BY region_code
