-- audit_finding of the fixture, as issue #5's ETL publishes it (columns and types of docs/design.md). The cases:
--   f1  A01 2024-12 p-zhang   黄楼社区 (community, level 5)  800.00  in versions 1 and 2
--   f2  A01 2024-12 p-ouyang  民主社区 (community, level 5) 1200.00  in version 1 only (gone in version 2)
--   f3  A06 2024-12 p-li      云龙区 (district, level 3)     none     in version 2 only (new)
--   f4  A09 2024-12 order O-1001 of p-zhang, 丰财街道 (street, level 4), subsidy 30.00; its evidence looks like a
--       formula on purpose (the XLSX export must neutralise it)
--   f5  A05 2024-11 p-ouyang  民主社区 600.00
--   f6  A01 2024-12 p-unknown (not registered, not in the vault): attributed to the city only (level 2) 500.00
CREATE TABLE all_findings AS
  SELECT finding_id, rule, CAST(month AS DATE) AS month, person_key, order_id, region_code,
         CAST(region_level AS INTEGER) AS region_level, city_code, district_code, street_code, community_code,
         CAST(amount AS DECIMAL(14, 2)) AS amount, evidence, evidence_json
  FROM (VALUES
    ('f1', 'A01', '2024-12-01', 'p-zhang', NULL, '320302001001', 5, '320300000000', '320302000000', '320302001000',
     '320302001001', 800.00, '死亡日期2024-11-20(死亡证明)；发放年月2024-12',
     '{"death_date":"2024-11-20","death_source":"death","pay_month":"2024-12"}'),
    ('f2', 'A01', '2024-12-01', 'p-ouyang', NULL, '320302001002', 5, '320300000000', '320302000000', '320302001000',
     '320302001002', 1200.00, '死亡日期2024-10-05(户籍状态死亡)；发放年月2024-12',
     '{"death_date":"2024-10-05","death_source":"household_status","pay_month":"2024-12"}'),
    ('f3', 'A06', '2024-12-01', 'p-li', NULL, '320303000000', 3, '320300000000', '320303000000', NULL, NULL, NULL,
     '年满80周岁(1930-05-05出生)，整月在册，当月无高龄津贴',
     '{"birth_date":"1930-05-05","age":94}'),
    ('f4', 'A09', '2024-12-01', 'p-zhang', 'O-1001', '320302002000', 4, '320300000000', '320302000000', '320302002000',
     NULL, 30.00, '=HYPERLINK("http://example.invalid","服务时长4分钟")',
     '{"duration_minutes":4}'),
    ('f5', 'A05', '2024-11-01', 'p-ouyang', NULL, '320302001002', 5, '320300000000', '320302000000', '320302001000',
     '320302001002', 600.00, '同月第2笔高龄津贴(80-89岁)；发放单位civil_affairs:320302',
     '{"allowance_type":"longevity_80","ordinal":2}'),
    ('f6', 'A01', '2024-12-01', 'p-unknown', NULL, '320300000000', 2, '320300000000', NULL, NULL, NULL, 500.00,
     '死亡日期2024-09-30(死亡证明)；发放年月2024-12',
     '{"death_date":"2024-09-30","death_source":"death","pay_month":"2024-12"}')
  ) AS t(finding_id, rule, month, person_key, order_id, region_code, region_level, city_code, district_code,
         street_code, community_code, amount, evidence, evidence_json);

-- mart_audit_summary: every rule of the catalog, every region of levels 2-5 and every month, zeros where nothing
-- was found; the scripts of the versions then set the cells their findings fill (worked out there by hand).
CREATE TABLE mart_audit_summary AS
  SELECT rule, r.region_code, CAST(r.level AS INTEGER) AS region_level, m.month,
         CAST(0 AS BIGINT) AS findings, CAST(0 AS DECIMAL(14, 2)) AS amount
  FROM (VALUES ('A01'), ('A02'), ('A03'), ('A04'), ('A05'), ('A06'), ('A07'), ('A08'), ('A09'), ('A10')) AS t(rule)
  CROSS JOIN dim_region r
  CROSS JOIN dim_month m
  WHERE r.level BETWEEN 2 AND 5;

CREATE TABLE summary_cells (rule VARCHAR, region_code VARCHAR, month DATE, findings BIGINT, amount DECIMAL(14, 2));

-- mart_proof_of_life, the same in both versions. 2024-12: four recipients, two of them to visit:
--   p-wang   黄楼社区  needs_visit (last evidence 2024-03-15, a health checkup: older than the six months)
--   p-sima   丰财社区  needs_visit (no evidence at all)
--   p-ouyang 民主社区  auto_verified (pension 2024-11-10)
--   p-zhao   云龙区 (district only) auto_verified (pension 2024-12-05)
-- 2024-11: p-wang auto_verified (his June checkup was within six months then); 2024-12's lists must leave it out.
CREATE TABLE mart_proof_of_life AS
  SELECT person_key, CAST(month AS DATE) AS month, region_code, CAST(region_level AS INTEGER) AS region_level,
         city_code, district_code, street_code, community_code, status, CAST(evidence_date AS DATE) AS evidence_date,
         evidence_source, evidence
  FROM (VALUES
    ('p-wang', '2024-12-01', '320302001001', 5, '320300000000', '320302000000', '320302001000', '320302001001',
     'needs_visit', '2024-03-15', 'health_checkup', '最近一次生存证据：2024-03-15 健康体检（已超过6个月）'),
    ('p-sima', '2024-12-01', '320302002001', 5, '320300000000', '320302000000', '320302002000', '320302002001',
     'needs_visit', NULL, NULL, '近6个月无任何生存证据'),
    ('p-ouyang', '2024-12-01', '320302001002', 5, '320300000000', '320302000000', '320302001000', '320302001002',
     'auto_verified', '2024-11-10', 'pension', '2024-11-10 养老金发放'),
    ('p-zhao', '2024-12-01', '320303000000', 3, '320300000000', '320303000000', NULL, NULL,
     'auto_verified', '2024-12-05', 'pension', '2024-12-05 养老金发放'),
    ('p-wang', '2024-11-01', '320302001001', 5, '320300000000', '320302000000', '320302001000', '320302001001',
     'auto_verified', '2024-06-15', 'health_checkup', '2024-06-15 健康体检')
  ) AS t(person_key, month, region_code, region_level, city_code, district_code, street_code, community_code, status,
         evidence_date, evidence_source, evidence);

-- auto_verified_rate in mart_kpi (value = auto_verified / recipients x 100), 2024-12:
--   city 2 of 4 = 50; 鼓楼 1 of 3 (p-ouyang of wang, sima, ouyang) = 33.33; 云龙 1 of 1 = 100;
--   黄楼街道 1 of 2 = 50; 丰财街道 0 of 1 = 0; 黄楼社区 0 of 1; 民主社区 1 of 1; 丰财社区 0 of 1.
INSERT INTO mart_kpi
  SELECT 'auto_verified_rate', NULL, region_code, CAST(region_level AS INTEGER), CAST(month AS DATE),
         CAST(value AS DOUBLE), CAST(numerator AS DOUBLE), CAST(denominator AS DOUBLE), CAST(NULL AS DOUBLE)
  FROM (VALUES
    ('320300000000', 2, '2024-12-01',  50.0, 2, 4),
    ('320302000000', 3, '2024-12-01', 100.0 / 3, 1, 3),
    ('320303000000', 3, '2024-12-01', 100.0, 1, 1),
    ('320302001000', 4, '2024-12-01',  50.0, 1, 2),
    ('320302002000', 4, '2024-12-01',   0.0, 0, 1),
    ('320302001001', 5, '2024-12-01',   0.0, 0, 1),
    ('320302001002', 5, '2024-12-01', 100.0, 1, 1),
    ('320302002001', 5, '2024-12-01',   0.0, 0, 1)
  ) AS t(region_code, region_level, month, value, numerator, denominator);
