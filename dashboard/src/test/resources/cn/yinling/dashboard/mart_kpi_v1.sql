-- KPI rows of version 1, KPIs of every theme. Ratios: value = numerator / denominator * 100, worked out by hand.
-- The feeds behind them are those of lineage_v1.json: household, death, facility, care_visit (2024-11 and -12),
-- allowance (2024-12 only), health_checkup (2024-11 only); living_status was never sent.
CREATE TABLE mart_kpi AS
  SELECT kpi_code, breakdown, region_code, CAST(region_level AS INTEGER) AS region_level, CAST(month AS DATE) AS month,
         CAST(value AS DOUBLE) AS value, CAST(numerator AS DOUBLE) AS numerator,
         CAST(denominator AS DOUBLE) AS denominator, CAST(target AS DOUBLE) AS target
  FROM (VALUES
    -- ---- 人口概况 ----
    ('pop_total', NULL, '320300000000', 2, '2024-11-01', 1000, 1000, NULL, NULL),
    ('pop_total', NULL, '320300000000', 2, '2024-12-01', 1010, 1010, NULL, NULL),
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
    ('pop_total', NULL, '320302002001', 5, '2024-11-01',  250,  250, NULL, NULL),
    ('pop_total', NULL, '320302002001', 5, '2024-12-01',  253,  253, NULL, NULL),
    -- aging_rate_60: 225/1000, 242.4/1010 -> 22.5 and 24.0 (numerators chosen to give round values)
    ('aging_rate_60', NULL, '320300000000', 2, '2024-11-01', 22.5, 225,   1000, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-12-01', 24.0, 242.4, 1010, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2024-12-01', 20.0, 121,    605, NULL),
    ('aging_rate_60', NULL, '320303000000', 3, '2024-12-01', 30.0, 121.5,  405, NULL),
    -- pop_80: the 80+ of the pyramid (city 13 men + 24 women = 37; Gulou 8 + 15 = 23; Yunlong the rest, 14)
    ('pop_80', NULL, '320300000000', 2, '2024-11-01', 36, 36, NULL, NULL),
    ('pop_80', NULL, '320300000000', 2, '2024-12-01', 37, 37, NULL, NULL),
    ('pop_80', NULL, '320302000000', 3, '2024-12-01', 23, 23, NULL, NULL),
    ('pop_80', NULL, '320303000000', 3, '2024-12-01', 14, 14, NULL, NULL),
    -- living_alone: living_status was never sent, so the ETL's zeros must show as 暂无数据
    ('living_alone', NULL, '320300000000', 2, '2024-11-01', 0, 0, NULL, NULL),
    ('living_alone', NULL, '320300000000', 2, '2024-12-01', 0, 0, NULL, NULL),
    -- ---- 养老服务 ----
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
    -- meal_coverage (target 100), communities with a meal point / communities, at every level:
    -- 2024-12: Huanglou 1/1, Minzhu 0/1, Fengcai 1/1; streets 1/2 and 1/1; Gulou 2/3; Yunlong 2/2; city 4/5
    ('meal_coverage', NULL, '320302001001', 5, '2024-12-01', 100.0, 1, 1, 100),
    ('meal_coverage', NULL, '320302001002', 5, '2024-12-01',   0.0, 0, 1, 100),
    ('meal_coverage', NULL, '320302002001', 5, '2024-12-01', 100.0, 1, 1, 100),
    ('meal_coverage', NULL, '320302001000', 4, '2024-12-01',  50.0, 1, 2, 100),
    ('meal_coverage', NULL, '320302002000', 4, '2024-12-01', 100.0, 1, 1, 100),
    ('meal_coverage', NULL, '320302000000', 3, '2024-12-01', 66.66666666666667, 2, 3, 100),
    ('meal_coverage', NULL, '320303000000', 3, '2024-12-01', 100.0, 2, 2, 100),
    ('meal_coverage', NULL, '320300000000', 2, '2024-12-01',  80.0, 4, 5, 100),
    -- 2024-11: Fengcai had none yet: Gulou 1/3, city 3/5
    ('meal_coverage', NULL, '320302001001', 5, '2024-11-01', 100.0, 1, 1, 100),
    ('meal_coverage', NULL, '320302001002', 5, '2024-11-01',   0.0, 0, 1, 100),
    ('meal_coverage', NULL, '320302002001', 5, '2024-11-01',   0.0, 0, 1, 100),
    ('meal_coverage', NULL, '320302001000', 4, '2024-11-01',  50.0, 1, 2, 100),
    ('meal_coverage', NULL, '320302002000', 4, '2024-11-01',   0.0, 0, 1, 100),
    ('meal_coverage', NULL, '320302000000', 3, '2024-11-01', 33.333333333333336, 1, 3, 100),
    ('meal_coverage', NULL, '320303000000', 3, '2024-11-01', 100.0, 2, 2, 100),
    ('meal_coverage', NULL, '320300000000', 2, '2024-11-01',  60.0, 3, 5, 100),
    -- visit_rate: no special-hardship elderly in the city in 2024-12, so the value is null
    ('visit_rate', NULL, '320300000000', 2, '2024-11-01', 80.0, 4, 5, 100),
    ('visit_rate', NULL, '320300000000', 2, '2024-12-01', NULL, 0, 0, 100),
    -- ---- 补贴与保障 ---- (allowance came for 2024-12 only: the 2024-11 zeros are not figures)
    -- longevity_coverage (target 100): Huanglou 9/10, Minzhu 5/5, Fengcai 8/10; streets 14/15 and 8/10;
    -- Gulou 22/25, Yunlong 18/20; city 40/45
    ('longevity_coverage', NULL, '320302001001', 5, '2024-12-01',  90.0,  9, 10, 100),
    ('longevity_coverage', NULL, '320302001002', 5, '2024-12-01', 100.0,  5,  5, 100),
    ('longevity_coverage', NULL, '320302002001', 5, '2024-12-01',  80.0,  8, 10, 100),
    ('longevity_coverage', NULL, '320302001000', 4, '2024-12-01', 93.33333333333333, 14, 15, 100),
    ('longevity_coverage', NULL, '320302002000', 4, '2024-12-01',  80.0,  8, 10, 100),
    ('longevity_coverage', NULL, '320302000000', 3, '2024-12-01',  88.0, 22, 25, 100),
    ('longevity_coverage', NULL, '320303000000', 3, '2024-12-01',  90.0, 18, 20, 100),
    ('longevity_coverage', NULL, '320300000000', 2, '2024-12-01', 88.88888888888889, 40, 45, 100),
    ('longevity_coverage', NULL, '320300000000', 2, '2024-11-01',   0.0,  0, 44, 100),
    ('longevity_coverage', NULL, '320302000000', 3, '2024-11-01',   0.0,  0, 24, 100),
    ('longevity_coverage', NULL, '320303000000', 3, '2024-11-01',   0.0,  0, 20, 100),
    -- longevity_missed (target <= 0): 45 - 40 = 5 in 2024-12
    ('longevity_missed', NULL, '320300000000', 2, '2024-11-01', 44, 44, NULL, 0),
    ('longevity_missed', NULL, '320300000000', 2, '2024-12-01',  5,  5, NULL, 0),
    -- allowance_amount by allowance_type: 1,200,000 + 360,000 + 60,000 = 1,620,000 yuan
    ('allowance_amount', NULL,           '320300000000', 2, '2024-12-01', 1620000, 1620000, NULL, NULL),
    ('allowance_amount', 'longevity_80', '320300000000', 2, '2024-12-01', 1200000, 1200000, NULL, NULL),
    ('allowance_amount', 'longevity_90', '320300000000', 2, '2024-12-01',  360000,  360000, NULL, NULL),
    ('allowance_amount', 'centenarian',  '320300000000', 2, '2024-12-01',   60000,   60000, NULL, NULL),
    -- ---- 健康 ---- (health_checkup came for 2024-11; the last-12-months KPIs go on in 2024-12)
    -- health_mgmt_rate (target 65): Huanglou 70/100, Minzhu 30/60, Fengcai 65/100; streets 100/160 and 65/100;
    -- Gulou 165/260, Yunlong 140/200; city 305/460 (2024-11: 290/460)
    ('health_mgmt_rate', NULL, '320302001001', 5, '2024-12-01', 70.0,  70, 100, 65),
    ('health_mgmt_rate', NULL, '320302001002', 5, '2024-12-01', 50.0,  30,  60, 65),
    ('health_mgmt_rate', NULL, '320302002001', 5, '2024-12-01', 65.0,  65, 100, 65),
    ('health_mgmt_rate', NULL, '320302001000', 4, '2024-12-01', 62.5, 100, 160, 65),
    ('health_mgmt_rate', NULL, '320302002000', 4, '2024-12-01', 65.0,  65, 100, 65),
    ('health_mgmt_rate', NULL, '320302000000', 3, '2024-12-01', 63.46153846153846, 165, 260, 65),
    ('health_mgmt_rate', NULL, '320303000000', 3, '2024-12-01', 70.0, 140, 200, 65),
    ('health_mgmt_rate', NULL, '320300000000', 2, '2024-12-01', 66.30434782608695, 305, 460, 65),
    ('health_mgmt_rate', NULL, '320300000000', 2, '2024-11-01', 63.04347826086956, 290, 460, 65),
    -- family_doctor_rate (target 75): 345/460 = 75 exactly meets it; 322/460 = 70 does not
    ('family_doctor_rate', NULL, '320300000000', 2, '2024-12-01', 75.0, 345, 460, 75),
    ('family_doctor_rate', NULL, '320300000000', 2, '2024-11-01', 70.0, 322, 460, 75),
    -- ---- 数据质量 ---- (city and districts)
    -- submission_rate: city 22/24 (Gulou 12/12, Yunlong 10/12) in 2024-12, 24/24 in 2024-11
    ('submission_rate', NULL, '320300000000', 2, '2024-12-01', 91.66666666666667, 22, 24, NULL),
    ('submission_rate', NULL, '320302000000', 3, '2024-12-01', 100.0, 12, 12, NULL),
    ('submission_rate', NULL, '320303000000', 3, '2024-12-01', 83.33333333333333, 10, 12, NULL),
    ('submission_rate', NULL, '320300000000', 2, '2024-11-01', 100.0, 24, 24, NULL),
    ('submission_rate', NULL, '320302000000', 3, '2024-11-01', 100.0, 12, 12, NULL),
    ('submission_rate', NULL, '320303000000', 3, '2024-11-01', 100.0, 12, 12, NULL),
    -- reject_rate by feed: 2024-12 household 10/2000, facility 20/1000, total 30/3000; 2024-11 half of that
    ('reject_rate', NULL,        '320300000000', 2, '2024-12-01', 1.0,  30, 3000, NULL),
    ('reject_rate', 'household', '320300000000', 2, '2024-12-01', 0.5,  10, 2000, NULL),
    ('reject_rate', 'facility',  '320300000000', 2, '2024-12-01', 2.0,  20, 1000, NULL),
    ('reject_rate', NULL,        '320300000000', 2, '2024-11-01', 0.5,  15, 3000, NULL),
    ('reject_rate', 'household', '320300000000', 2, '2024-11-01', 0.25,  5, 2000, NULL),
    ('reject_rate', 'facility',  '320300000000', 2, '2024-11-01', 1.0,  10, 1000, NULL),
    ('reject_rate', NULL,        '320302000000', 3, '2024-12-01', 0.75, 12, 1600, NULL),
    ('reject_rate', NULL,        '320303000000', 3, '2024-12-01', 1.2857142857142858, 18, 1400, NULL),
    -- id_match_rate: 1980/2000 (Gulou 995/1000, Yunlong 985/1000) and 1990/2000 (Gulou 1000/1000, Yunlong 990/1000)
    ('id_match_rate', NULL, '320300000000', 2, '2024-12-01', 99.0, 1980, 2000, NULL),
    ('id_match_rate', NULL, '320302000000', 3, '2024-12-01', 99.5,  995, 1000, NULL),
    ('id_match_rate', NULL, '320303000000', 3, '2024-12-01', 98.5,  985, 1000, NULL),
    ('id_match_rate', NULL, '320300000000', 2, '2024-11-01', 99.5, 1990, 2000, NULL),
    ('id_match_rate', NULL, '320302000000', 3, '2024-11-01', 100.0, 1000, 1000, NULL),
    ('id_match_rate', NULL, '320303000000', 3, '2024-11-01', 99.0,  990, 1000, NULL)
  ) AS t(kpi_code, breakdown, region_code, region_level, month, value, numerator, denominator, target);
