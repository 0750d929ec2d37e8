SELECT region_code, name, level, parent_code
FROM dim_region
WHERE region_code = :regionCode
