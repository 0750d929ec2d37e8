-- A tiny published version: the city, two districts, Gulou's two streets and three communities (docs/design.md
-- columns and types). Yunlong's streets are left out: its figures stand alone.
CREATE TABLE dim_region AS
  SELECT region_code, name, CAST(level AS INTEGER) AS level, parent_code, urban_rural_code,
         city_code, district_code, street_code, community_code
  FROM (VALUES
    ('320000000000', '江苏省',   1, NULL,           NULL,  NULL,           NULL,           NULL,           NULL),
    ('320300000000', '徐州市',   2, '320000000000', NULL,  '320300000000', NULL,           NULL,           NULL),
    ('320302000000', '鼓楼区',   3, '320300000000', NULL,  '320300000000', '320302000000', NULL,           NULL),
    ('320303000000', '云龙区',   3, '320300000000', NULL,  '320300000000', '320303000000', NULL,           NULL),
    ('320302001000', '黄楼街道', 4, '320302000000', NULL,  '320300000000', '320302000000', '320302001000', NULL),
    ('320302002000', '丰财街道', 4, '320302000000', NULL,  '320300000000', '320302000000', '320302002000', NULL),
    ('320302001001', '黄楼社区居委会', 5, '320302001000', '111', '320300000000', '320302000000', '320302001000', '320302001001'),
    ('320302001002', '民主社区居委会', 5, '320302001000', '111', '320300000000', '320302000000', '320302001000', '320302001002'),
    ('320302002001', '丰财社区居委会', 5, '320302002000', '111', '320300000000', '320302000000', '320302002000', '320302002001')
  ) AS t(region_code, name, level, parent_code, urban_rural_code, city_code, district_code, street_code, community_code);

-- 2025-01 is in the calendar but has no KPI values yet.
CREATE TABLE dim_month AS
  SELECT CAST(month AS DATE) AS month, CAST(month_end AS DATE) AS month_end, CAST(year AS INTEGER) AS year,
         CAST(month_of_year AS INTEGER) AS month_of_year, label
  FROM (VALUES
    ('2024-11-01', '2024-11-30', 2024, 11, '2024-11'),
    ('2024-12-01', '2024-12-31', 2024, 12, '2024-12'),
    ('2025-01-01', '2025-01-31', 2025, 1,  '2025-01')
  ) AS t(month, month_end, year, month_of_year, label);
