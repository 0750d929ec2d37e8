-- Version 2: f2 is gone, f3 is new; f1, f4, f5, f6 are still there.
CREATE TABLE audit_finding AS SELECT * FROM all_findings WHERE finding_id IN ('f1', 'f3', 'f4', 'f5', 'f6');

--   A01 2024-12: f1 800 + f6 500 -> city 2 / 1300.00; 鼓楼, 黄楼街道, 黄楼社区 f1 1 / 800.00.
--   A06 2024-12: f3 (no amount) -> city and 云龙 1 / 0.00.
--   A09 2024-12 and A05 2024-11 as in version 1.
INSERT INTO summary_cells VALUES
  ('A01', '320300000000', '2024-12-01', 2, 1300.00),
  ('A01', '320302000000', '2024-12-01', 1,  800.00),
  ('A01', '320302001000', '2024-12-01', 1,  800.00),
  ('A01', '320302001001', '2024-12-01', 1,  800.00),
  ('A06', '320300000000', '2024-12-01', 1,    0.00),
  ('A06', '320303000000', '2024-12-01', 1,    0.00),
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
