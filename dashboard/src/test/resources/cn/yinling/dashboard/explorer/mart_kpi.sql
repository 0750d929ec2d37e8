-- KPI rows of the explorer fixture (value = numerator / denominator * 100 for ratios), published months 2023-11,
-- 2023-12, 2024-11 and 2024-12. The changes the tests expect are worked out beside their assertions.
CREATE TABLE mart_kpi AS
  SELECT kpi_code, breakdown, region_code, CAST(region_level AS INTEGER) AS region_level, CAST(month AS DATE) AS month,
         CAST(value AS DOUBLE) AS value, CAST(numerator AS DOUBLE) AS numerator,
         CAST(denominator AS DOUBLE) AS denominator, CAST(target AS DOUBLE) AS target
  FROM (VALUES
    -- aging_rate_60 (%): the city 220, 225, 240, 246 of 1000; Gulou 120, 126, 129 of 600 and no row for 2023-11
    ('aging_rate_60', NULL, '320300000000', 2, '2023-11-01', 22.0, 220, 1000, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2023-12-01', 22.5, 225, 1000, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-11-01', 24.0, 240, 1000, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-12-01', 24.6, 246, 1000, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2023-12-01', 20.0, 120,  600, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2024-11-01', 21.0, 126,  600, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2024-12-01', 21.5, 129,  600, NULL),
    -- pop_60 (people)
    ('pop_60', NULL, '320300000000', 2, '2023-11-01', 220, 220, NULL, NULL),
    ('pop_60', NULL, '320300000000', 2, '2023-12-01', 225, 225, NULL, NULL),
    ('pop_60', NULL, '320300000000', 2, '2024-11-01', 240, 240, NULL, NULL),
    ('pop_60', NULL, '320300000000', 2, '2024-12-01', 246, 246, NULL, NULL),
    ('pop_60', NULL, '320302000000', 3, '2023-11-01', 115, 115, NULL, NULL),
    ('pop_60', NULL, '320302000000', 3, '2023-12-01', 120, 120, NULL, NULL),
    ('pop_60', NULL, '320302000000', 3, '2024-11-01', 126, 126, NULL, NULL),
    ('pop_60', NULL, '320302000000', 3, '2024-12-01', 129, 129, NULL, NULL),
    ('pop_60', NULL, '320302001002', 5, '2024-11-01',  28,  28, NULL, NULL),
    ('pop_60', NULL, '320302001002', 5, '2024-12-01',  30,  30, NULL, NULL),
    -- facilities_open by facility_type: institutions 3, 3, 4, 4; day-care centres 3, 3, 3, 3
    ('facilities_open', NULL,              '320300000000', 2, '2023-11-01', 6, 6, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2023-11-01', 3, 3, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2023-11-01', 3, 3, NULL, NULL),
    ('facilities_open', NULL,              '320300000000', 2, '2023-12-01', 6, 6, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2023-12-01', 3, 3, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2023-12-01', 3, 3, NULL, NULL),
    ('facilities_open', NULL,              '320300000000', 2, '2024-11-01', 7, 7, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2024-11-01', 4, 4, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2024-11-01', 3, 3, NULL, NULL),
    ('facilities_open', NULL,              '320300000000', 2, '2024-12-01', 7, 7, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2024-12-01', 4, 4, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2024-12-01', 3, 3, NULL, NULL),
    -- longevity_coverage: allowance came from 2024-11 on (lineage.json); the ETL's zeros before are no figures
    ('longevity_coverage', NULL, '320300000000', 2, '2023-11-01', 0.0,  0, 40, 100),
    ('longevity_coverage', NULL, '320300000000', 2, '2023-12-01', 0.0,  0, 41, 100),
    ('longevity_coverage', NULL, '320300000000', 2, '2024-11-01', 80.0, 36, 45, 100),
    ('longevity_coverage', NULL, '320300000000', 2, '2024-12-01', 88.88888888888889, 40, 45, 100),
    -- visit_rate: no special-hardship elderly in 2024-11 (0 / 0: no value)
    ('visit_rate', NULL, '320300000000', 2, '2023-11-01', 75.0, 3, 4, 100),
    ('visit_rate', NULL, '320300000000', 2, '2023-12-01', 50.0, 2, 4, 100),
    ('visit_rate', NULL, '320300000000', 2, '2024-11-01', NULL, 0, 0, 100),
    ('visit_rate', NULL, '320300000000', 2, '2024-12-01', 80.0, 4, 5, 100)
  ) AS t(kpi_code, breakdown, region_code, region_level, month, value, numerator, denominator, target);
