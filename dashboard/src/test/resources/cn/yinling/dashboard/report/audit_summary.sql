-- mart_audit_summary as issue #5 will publish it. City 2024: A01 2 + 1 = 3 findings, 1600 + 800 = 2400 元;
-- A06 6 findings; A09 3 findings; together 12 findings, 2400 元. The 2023-12 row lies outside the report's year.
-- 鼓楼 2 + 4 = 6 findings, 1600 元; 云龙 1 + 2 + 3 = 6 findings, 800 元.
CREATE TABLE mart_audit_summary AS
  SELECT rule, region_code, CAST(region_level AS INTEGER) AS region_level, CAST(month AS DATE) AS month,
         CAST(findings AS BIGINT) AS findings, CAST(amount AS DECIMAL(14, 2)) AS amount
  FROM (VALUES
    ('A01', '320300000000', 2, '2023-12-01', 5, 4000.00),
    ('A01', '320300000000', 2, '2024-11-01', 2, 1600.00),
    ('A01', '320300000000', 2, '2024-12-01', 1,  800.00),
    ('A06', '320300000000', 2, '2024-12-01', 6,    0.00),
    ('A09', '320300000000', 2, '2024-12-01', 3, NULL),
    ('A01', '320302000000', 3, '2024-11-01', 2, 1600.00),
    ('A06', '320302000000', 3, '2024-12-01', 4,    0.00),
    ('A01', '320303000000', 3, '2024-12-01', 1,  800.00),
    ('A06', '320303000000', 3, '2024-12-01', 2,    0.00),
    ('A09', '320303000000', 3, '2024-12-01', 3, NULL)
  ) AS t(rule, region_code, region_level, month, findings, amount);
