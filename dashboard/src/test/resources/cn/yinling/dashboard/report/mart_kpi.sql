-- KPI rows of the report fixture; every ratio worked out by hand (value = numerator / denominator * scale).
-- KPIs not listed (living_alone, family_doctor_rate, improper_amount …) are not in the version: 暂无数据.
CREATE TABLE mart_kpi AS
  SELECT kpi_code, breakdown, region_code, CAST(region_level AS INTEGER) AS region_level, CAST(month AS DATE) AS month,
         CAST(value AS DOUBLE) AS value, CAST(numerator AS DOUBLE) AS numerator,
         CAST(denominator AS DOUBLE) AS denominator, CAST(target AS DOUBLE) AS target
  FROM (VALUES
    ('pop_total', NULL, '320300000000', 2, '2023-12-01', 1016, 1016, NULL, NULL),
    ('pop_total', NULL, '320300000000', 2, '2024-11-01', 1012, 1012, NULL, NULL),
    ('pop_total', NULL, '320300000000', 2, '2024-12-01', 1010, 1010, NULL, NULL),
    ('pop_total', NULL, '320302000000', 3, '2024-12-01',  605,  605, NULL, NULL),
    ('pop_total', NULL, '320303000000', 3, '2024-12-01',  405,  405, NULL, NULL),
    -- 60+: 241 of 1016 = 23.7205 %; 250 of 1012 = 24.7036 %; 260 of 1010 = 25.7426 % (鼓楼 150/605 = 24.7934, 云龙 110/405 = 27.1605)
    ('pop_60', NULL, '320300000000', 2, '2023-12-01', 241, 241, NULL, NULL),
    ('pop_60', NULL, '320300000000', 2, '2024-11-01', 250, 250, NULL, NULL),
    ('pop_60', NULL, '320300000000', 2, '2024-12-01', 260, 260, NULL, NULL),
    ('pop_60', NULL, '320302000000', 3, '2024-12-01', 150, 150, NULL, NULL),
    ('pop_60', NULL, '320303000000', 3, '2024-12-01', 110, 110, NULL, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2023-12-01', 23.720472440944883, 241, 1016, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-11-01', 24.703557312252965, 250, 1012, NULL),
    ('aging_rate_60', NULL, '320300000000', 2, '2024-12-01', 25.742574257425744, 260, 1010, NULL),
    ('aging_rate_60', NULL, '320302000000', 3, '2024-12-01', 24.793388429752067, 150,  605, NULL),
    ('aging_rate_60', NULL, '320303000000', 3, '2024-12-01', 27.160493827160494, 110,  405, NULL),
    -- 65+: 163 of 1016 = 16.0433 %, 178 of 1010 = 17.6238 %
    ('pop_65', NULL, '320300000000', 2, '2023-12-01', 163, 163, NULL, NULL),
    ('pop_65', NULL, '320300000000', 2, '2024-12-01', 178, 178, NULL, NULL),
    ('aging_rate_65', NULL, '320300000000', 2, '2023-12-01', 16.043307086614174, 163, 1016, NULL),
    ('aging_rate_65', NULL, '320300000000', 2, '2024-12-01', 17.623762376237625, 178, 1010, NULL),
    -- 80+: 37 (= the pyramid's 20 + 11 + 4 + 1 + 1), 37 of 260 = 14.2308 %; one centenarian
    ('pop_80', NULL, '320300000000', 2, '2024-12-01', 37, 37, NULL, NULL),
    ('oldest_old_share', NULL, '320300000000', 2, '2024-12-01', 14.230769230769232, 37, 260, NULL),
    ('pop_100', NULL, '320300000000', 2, '2024-12-01', 1, 1, NULL, NULL),
    -- 178 aged 65+ per 817 aged 15-64, × 100 = 21.7870
    ('old_age_dependency', NULL, '320300000000', 2, '2024-12-01', 21.78702570379437, 178, 817, NULL),
    -- deaths are events: 2 in November and 3 in December make 5 for the report's months
    ('elderly_deaths', NULL, '320300000000', 2, '2024-11-01', 2, 2, NULL, NULL),
    ('elderly_deaths', NULL, '320300000000', 2, '2024-12-01', 3, 3, NULL, NULL),
    -- services: 120 beds per 260 elderly × 1000 = 461.5385; nursing beds 60 of 100 (target >= 55: met), was 50 of 100
    ('beds_total', NULL, '320300000000', 2, '2024-12-01', 120, 120, NULL, NULL),
    ('beds_per_1000', NULL, '320300000000', 2, '2024-12-01', 461.53846153846155, 120, 260, NULL),
    ('nursing_bed_share', NULL, '320300000000', 2, '2023-12-01', 50.0, 50, 100, 55),
    ('nursing_bed_share', NULL, '320300000000', 2, '2024-12-01', 60.0, 60, 100, 55),
    ('nursing_bed_share', NULL, '320302000000', 3, '2024-12-01', 75.0, 45,  60, 55),
    ('nursing_bed_share', NULL, '320303000000', 3, '2024-12-01', 37.5, 15,  40, 55),
    -- 9 of 10 institutions fire-safe: 90 % against a target of 100: not met
    ('fire_safe_rate', NULL, '320300000000', 2, '2024-12-01', 90.0, 9, 10, 100),
    ('facilities_open', NULL,              '320300000000', 2, '2024-12-01', 7, 7, NULL, NULL),
    ('facilities_open', 'institution',     '320300000000', 2, '2024-12-01', 3, 3, NULL, NULL),
    ('facilities_open', 'day_care_center', '320300000000', 2, '2024-12-01', 4, 4, NULL, NULL),
    -- orders are events: 30 + 40 = 70; 鼓楼 18 + 25 = 43, 云龙 12 + 15 = 27
    ('service_orders', NULL, '320300000000', 2, '2024-11-01', 30, 30, NULL, NULL),
    ('service_orders', NULL, '320300000000', 2, '2024-12-01', 40, 40, NULL, NULL),
    ('service_orders', NULL, '320302000000', 3, '2024-11-01', 18, 18, NULL, NULL),
    ('service_orders', NULL, '320302000000', 3, '2024-12-01', 25, 25, NULL, NULL),
    ('service_orders', NULL, '320303000000', 3, '2024-11-01', 12, 12, NULL, NULL),
    ('service_orders', NULL, '320303000000', 3, '2024-12-01', 15, 15, NULL, NULL),
    -- no special-hardship elderly in December: 0 / 0, so no value (无法计算), target 100
    ('visit_rate', NULL, '320300000000', 2, '2024-12-01', NULL, 0, 0, 100),
    -- longevity: 30 of 37 aged 80+ paid = 81.0811 % (target 100: not met), 7 missed (target <= 0: not met)
    ('longevity_coverage', NULL, '320300000000', 2, '2024-12-01', 81.08108108108108, 30, 37, 100),
    ('longevity_missed', NULL, '320300000000', 2, '2024-12-01', 7, 7, NULL, 0),
    -- the accident insurance feed was never sent: the mart still has a zero, the report must say 暂无数据
    ('accident_insurance_rate', NULL, '320300000000', 2, '2024-12-01', 0.0, 0, 260, 40),
    -- health: 120 of 178 aged 65+ checked = 67.4157 % (target >= 65: met); 鼓楼 70/100 = 70 %, 云龙 50/78 = 64.1026 %
    ('health_mgmt_rate', NULL, '320300000000', 2, '2024-12-01', 67.41573033707866, 120, 178, 65),
    ('health_mgmt_rate', NULL, '320302000000', 3, '2024-12-01', 70.0, 70, 100, 65),
    ('health_mgmt_rate', NULL, '320303000000', 3, '2024-12-01', 64.1025641025641, 50, 78, 65)
  ) AS t(kpi_code, breakdown, region_code, region_level, month, value, numerator, denominator, target);
