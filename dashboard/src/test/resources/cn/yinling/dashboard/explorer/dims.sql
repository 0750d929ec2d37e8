-- The explorer's fixture city: the city, two districts, one street of Gulou with two communities. One community's
-- name looks like a spreadsheet formula (names come from an uploaded feed): an export must write it as text.
CREATE TABLE dim_region AS
  SELECT region_code, name, CAST(level AS INTEGER) AS level, parent_code, urban_rural_code,
         city_code, district_code, street_code, community_code
  FROM (VALUES
    ('320000000000', '江苏省',   1, NULL,           NULL,  NULL,           NULL,           NULL,           NULL),
    ('320300000000', '徐州市',   2, '320000000000', NULL,  '320300000000', NULL,           NULL,           NULL),
    ('320302000000', '鼓楼区',   3, '320300000000', NULL,  '320300000000', '320302000000', NULL,           NULL),
    ('320303000000', '云龙区',   3, '320300000000', NULL,  '320300000000', '320303000000', NULL,           NULL),
    ('320302001000', '黄楼街道', 4, '320302000000', NULL,  '320300000000', '320302000000', '320302001000', NULL),
    ('320302001001', '黄楼社区居委会', 5, '320302001000', '111', '320300000000', '320302000000', '320302001000', '320302001001'),
    ('320302001002', '=1+2社区居委会', 5, '320302001000', '111', '320300000000', '320302000000', '320302001000', '320302001002')
  ) AS t(region_code, name, level, parent_code, urban_rural_code, city_code, district_code, street_code, community_code);

-- Two Novembers and Decembers a year apart; 2024-10 is in the calendar but has no KPI rows, so it is not a
-- published month and the change of 2024-11 against it cannot be computed.
CREATE TABLE dim_month AS
  SELECT CAST(month AS DATE) AS month, CAST(month_end AS DATE) AS month_end, CAST(year AS INTEGER) AS year,
         CAST(month_of_year AS INTEGER) AS month_of_year, label
  FROM (VALUES
    ('2023-11-01', '2023-11-30', 2023, 11, '2023-11'),
    ('2023-12-01', '2023-12-31', 2023, 12, '2023-12'),
    ('2024-10-01', '2024-10-31', 2024, 10, '2024-10'),
    ('2024-11-01', '2024-11-30', 2024, 11, '2024-11'),
    ('2024-12-01', '2024-12-31', 2024, 12, '2024-12')
  ) AS t(month, month_end, year, month_of_year, label);
