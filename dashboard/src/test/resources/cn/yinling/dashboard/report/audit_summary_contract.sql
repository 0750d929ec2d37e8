-- mart_audit_summary as issue #5's contract publishes it: every rule of the catalog for every region and month,
-- zeros where nothing was found (the report's city has levels 2 and 3 only). Cells with findings:
--   A01 2023-12 city 5 / 4000.00 (outside the report's year)
--   A01 2024-11 city 2 / 1600.00, 鼓楼 2 / 1600.00;  A01 2024-12 city 1 / 800.00, 云龙 1 / 800.00
--   A06 2024-12 city 6 / 0.00 (no amount), 鼓楼 4, 云龙 2
--   A09 2024-12 city 3 / 90.00 (the orders' subsidies), 云龙 3 / 90.00
-- 2024 for the city: A01 3 / 2400.00, A06 6, A09 3 / 90.00: 12 findings, 2490.00 元; every other rule 0.
-- 鼓楼 2 + 4 = 6 findings, 1600.00 元; 云龙 1 + 2 + 3 = 6 findings, 800.00 + 90.00 = 890.00 元.
CREATE TABLE mart_audit_summary AS
  SELECT t.rule, r.region_code, CAST(r.level AS INTEGER) AS region_level, m.month,
         CAST(COALESCE(c.findings, 0) AS BIGINT) AS findings, CAST(COALESCE(c.amount, 0) AS DECIMAL(14, 2)) AS amount
  FROM (VALUES ('A01'), ('A02'), ('A03'), ('A04'), ('A05'), ('A06'), ('A07'), ('A08'), ('A09'), ('A10')) AS t(rule)
  CROSS JOIN dim_region r
  CROSS JOIN dim_month m
  LEFT JOIN (VALUES
    ('A01', '320300000000', '2023-12-01', 5, 4000.00),
    ('A01', '320300000000', '2024-11-01', 2, 1600.00),
    ('A01', '320302000000', '2024-11-01', 2, 1600.00),
    ('A01', '320300000000', '2024-12-01', 1,  800.00),
    ('A01', '320303000000', '2024-12-01', 1,  800.00),
    ('A06', '320300000000', '2024-12-01', 6,    0.00),
    ('A06', '320302000000', '2024-12-01', 4,    0.00),
    ('A06', '320303000000', '2024-12-01', 2,    0.00),
    ('A09', '320300000000', '2024-12-01', 3,   90.00),
    ('A09', '320303000000', '2024-12-01', 3,   90.00)
  ) AS c(rule, region_code, month, findings, amount)
    ON c.rule = t.rule AND c.region_code = r.region_code AND CAST(c.month AS DATE) = m.month
  WHERE r.level BETWEEN 2 AND 5;
