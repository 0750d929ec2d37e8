-- KPI rows of version 2: the city population of 2024-12 corrected to 2222, all else as version 1.
COPY (
  SELECT kpi_code, breakdown, region_code, CAST(region_level AS INTEGER) AS region_level, CAST(month AS DATE) AS month,
         CAST(value AS DOUBLE) AS value, CAST(numerator AS DOUBLE) AS numerator,
         CAST(denominator AS DOUBLE) AS denominator, CAST(target AS DOUBLE) AS target
  FROM (VALUES
    ('pop_total', NULL, '320300000000', 2, '2024-11-01', 1000, 1000, NULL, NULL),
    ('pop_total', NULL, '320300000000', 2, '2024-12-01', 2222, 2222, NULL, NULL),
    ('pop_total', NULL, '320302000000', 3, '2024-11-01',  600,  600, NULL, NULL),
    ('pop_total', NULL, '320302000000', 3, '2024-12-01',  605,  605, NULL, NULL),
    ('pop_total', NULL, '320303000000', 3, '2024-11-01',  400,  400, NULL, NULL),
    ('pop_total', NULL, '320303000000', 3, '2024-12-01',  405,  405, NULL, NULL),
    ('pop_total', NULL, '320302001000', 4, '2024-11-01',  350,  350, NULL, NULL),
    ('pop_total', NULL, '320302001000', 4, '2024-12-01',  352,  352, NULL, NULL),
    ('pop_total', NULL, '320302002000', 4, '2024-11-01',  250,  250, NULL, NULL),
    ('pop_total', NULL, '320302002000', 4, '2024-12-01',  253,  253, NULL, NULL),
    ('pop_total', NULL, '320302001001', 5, '2024-11-01',  200,  200, NULL, NULL),
    ('pop_total', NULL, '320302001001', 5, '2024-12-01',  201,  201, NULL, NULL),
    ('pop_total', NULL, '320302001002', 5, '2024-11-01',  150,  150, NULL, NULL),
    ('pop_total', NULL, '320302001002', 5, '2024-12-01',  151,  151, NULL, NULL),
    -- aging_rate_60: 225/1000, 242.4/1010 -> 22.5 and 24.0 (numerators chosen to give round values)
    ('aging_rate_60', NULL, '320300000000', 2, '2024-11-01', 22.5, 225,   1000, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-12-01', 24.0, 242.4, 1010, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2024-12-01', 20.0, 121,    605, NULL),
    ('aging_rate_60', NULL, '320303000000', 3, '2024-12-01', 30.0, 121.5,  405, NULL),
    -- nursing_bed_share has a target of >= 55: met in 2024-12 (60), not met in 2024-11 (50)
    ('nursing_bed_share', NULL, '320300000000', 2, '2024-11-01', 50.0, 50, 100, 55),
    ('nursing_bed_share', NULL, '320300000000', 2, '2024-12-01', 60.0, 60, 100, 55),
    ('nursing_bed_share', NULL, '320302000000', 3, '2024-12-01', 75.0, 45,  60, 55),
    ('nursing_bed_share', NULL, '320303000000', 3, '2024-12-01', 37.5, 15,  40, 55),
    -- facilities_open: a total (breakdown null) and one row per facility_type
    ('facilities_open', NULL,              '320300000000', 2, '2024-11-01', 6, 6, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2024-11-01', 3, 3, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2024-11-01', 3, 3, NULL, NULL),
    ('facilities_open', NULL,              '320300000000', 2, '2024-12-01', 7, 7, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2024-12-01', 3, 3, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2024-12-01', 4, 4, NULL, NULL),
    -- visit_rate: no special-hardship elderly in the city in 2024-12, so the value is null
    ('visit_rate', NULL, '320300000000', 2, '2024-11-01', 80.0, 4, 5, 100),
    ('visit_rate', NULL, '320300000000', 2, '2024-12-01', NULL, 0, 0, 100)
  ) AS t(kpi_code, breakdown, region_code, region_level, month, value, numerator, denominator, target)
) TO <mart_kpi_file> (FORMAT parquet);
