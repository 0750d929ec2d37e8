-- The explorer's region search: regions of the city and below whose name contains the text, or whose code starts
-- with it, the higher levels first. Each comes with its ancestors' names (city, district, street), since many
-- communities of a city share a name.
WITH found AS (
  SELECT *
  FROM dim_region
  WHERE level >= 2
    AND (contains(name, :text) OR starts_with(region_code, :text))
),

final AS (
  SELECT f.region_code,
         f.name,
         f.level,
         f.parent_code,
         concat_ws(' › ', city.name, district.name, street.name) AS path
  FROM found f
  LEFT JOIN dim_region city ON city.region_code = f.city_code AND f.level > 2
  LEFT JOIN dim_region district ON district.region_code = f.district_code AND f.level > 3
  LEFT JOIN dim_region street ON street.region_code = f.street_code AND f.level > 4
)

SELECT * FROM final
ORDER BY level, region_code
LIMIT :limit
