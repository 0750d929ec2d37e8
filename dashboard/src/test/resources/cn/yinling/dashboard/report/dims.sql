-- The report's fixture city: 徐州市 with two districts; 2023-12 (the previous year's end), 2024-11 and 2024-12.
CREATE TABLE dim_region AS
  SELECT region_code, name, CAST(level AS INTEGER) AS level, parent_code, urban_rural_code,
         city_code, district_code, street_code, community_code
  FROM (VALUES
    ('320000000000', '江苏省', 1, NULL,           NULL, NULL,           NULL,           NULL, NULL),
    ('320300000000', '徐州市', 2, '320000000000', NULL, '320300000000', NULL,           NULL, NULL),
    ('320302000000', '鼓楼区', 3, '320300000000', NULL, '320300000000', '320302000000', NULL, NULL),
    ('320303000000', '云龙区', 3, '320300000000', NULL, '320300000000', '320303000000', NULL, NULL)
  ) AS t(region_code, name, level, parent_code, urban_rural_code, city_code, district_code, street_code, community_code);

CREATE TABLE dim_month AS
  SELECT CAST(month AS DATE) AS month, CAST(month_end AS DATE) AS month_end, CAST(year AS INTEGER) AS year,
         CAST(month_of_year AS INTEGER) AS month_of_year, label
  FROM (VALUES
    ('2023-12-01', '2023-12-31', 2023, 12, '2023-12'),
    ('2024-11-01', '2024-11-30', 2024, 11, '2024-11'),
    ('2024-12-01', '2024-12-31', 2024, 12, '2024-12')
  ) AS t(month, month_end, year, month_of_year, label);
