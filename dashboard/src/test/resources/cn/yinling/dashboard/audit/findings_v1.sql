-- Version 1: findings f1, f2, f4, f5, f6.
CREATE TABLE audit_finding AS SELECT * FROM all_findings WHERE finding_id IN ('f1', 'f2', 'f4', 'f5', 'f6');

-- The cells these findings fill, by hand:
--   A01 2024-12: f1 800 + f2 1200 + f6 500 -> city 3 / 2500.00; 鼓楼 f1 + f2 -> 2 / 2000.00 (黄楼街道 the same;
--                黄楼社区 f1 1 / 800.00, 民主社区 f2 1 / 1200.00); f6 is the city's only (no district).
--   A09 2024-12: f4 -> city, 鼓楼, 丰财街道 1 / 30.00.
--   A05 2024-11: f5 -> city, 鼓楼, 黄楼街道, 民主社区 1 / 600.00.
INSERT INTO summary_cells VALUES
  ('A01', '320300000000', '2024-12-01', 3, 2500.00),
  ('A01', '320302000000', '2024-12-01', 2, 2000.00),
  ('A01', '320302001000', '2024-12-01', 2, 2000.00),
  ('A01', '320302001001', '2024-12-01', 1,  800.00),
  ('A01', '320302001002', '2024-12-01', 1, 1200.00),
  ('A09', '320300000000', '2024-12-01', 1,   30.00),
  ('A09', '320302000000', '2024-12-01', 1,   30.00),
  ('A09', '320302002000', '2024-12-01', 1,   30.00),
  ('A05', '320300000000', '2024-11-01', 1,  600.00),
  ('A05', '320302000000', '2024-11-01', 1,  600.00),
  ('A05', '320302001000', '2024-11-01', 1,  600.00),
  ('A05', '320302001002', '2024-11-01', 1,  600.00);

UPDATE mart_audit_summary s SET findings = c.findings, amount = c.amount
FROM summary_cells c
WHERE s.rule = c.rule AND s.region_code = c.region_code AND s.month = c.month;
DROP TABLE summary_cells;
DROP TABLE all_findings;
