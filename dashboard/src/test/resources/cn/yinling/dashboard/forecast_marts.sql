-- The forecast marts of a tiny published version (two districts of dims.sql, 2024-01..2024-12), replacing its
-- month spine with those twelve months. Population at every month: 鼓楼区 2·(1000 − 9·age), 云龙区 1000 − 9·age
-- persons of each sex at each age 0..100 (100 = 100+). Deaths: the population × μ(age) / 12 rounded, μ the synthetic
-- city's hazard. Flows from February on (January is the first month): per district and month 5 girls and 5 boys
-- born, 2 women aged 30 moving in, 1 man aged 25 moving out; 1 man aged 40 transferring from 鼓楼区 to 云龙区.
COPY (
  SELECT CAST(m AS DATE) AS month, CAST(last_day(m) AS DATE) AS month_end, CAST(year(m) AS INTEGER) AS year,
         CAST(month(m) AS INTEGER) AS month_of_year, strftime(m, '%Y-%m') AS label
  FROM generate_series(DATE '2024-01-01', DATE '2024-12-01', INTERVAL 1 MONTH) t(m)
) TO <dim_month_file> (FORMAT parquet);

CREATE TEMP TABLE population AS
SELECT d.region_code, CAST(m.month AS DATE) AS month, CAST(a.age AS INTEGER) AS age, s.sex,
       CAST(d.scale * (1000 - 9 * a.age) AS BIGINT) AS population
FROM (VALUES ('320302000000', 2), ('320303000000', 1)) d(region_code, scale)
CROSS JOIN generate_series(DATE '2024-01-01', DATE '2024-12-01', INTERVAL 1 MONTH) m(month)
CROSS JOIN range(0, 101) a(age)
CROSS JOIN (VALUES ('F'), ('M')) s(sex);

COPY (SELECT * FROM population ORDER BY region_code, month, age, sex) TO <population_file> (FORMAT parquet);

COPY (
  SELECT region_code, month, age, sex, deaths
  FROM (
    SELECT region_code, month, age, sex,
           CAST(round(population * (0.0003 + 2.75e-5 * exp(0.095 * (age + 0.5))) / 12) AS BIGINT) AS deaths
    FROM population
  )
  WHERE deaths > 0
  ORDER BY region_code, month, age, sex
) TO <death_file> (FORMAT parquet);

COPY (
  SELECT region_code, CAST(month AS DATE) AS month, CAST(age AS INTEGER) AS age, sex, flow, CAST(persons AS BIGINT) AS persons
  FROM generate_series(DATE '2024-02-01', DATE '2024-12-01', INTERVAL 1 MONTH) m(month)
  CROSS JOIN (VALUES
    ('320302000000', 0, 'F', 'birth', 5), ('320302000000', 0, 'M', 'birth', 5),
    ('320303000000', 0, 'F', 'birth', 5), ('320303000000', 0, 'M', 'birth', 5),
    ('320302000000', 30, 'F', 'move_in', 2), ('320303000000', 30, 'F', 'move_in', 2),
    ('320302000000', 25, 'M', 'move_out', 1), ('320303000000', 25, 'M', 'move_out', 1),
    ('320302000000', 40, 'M', 'transfer_out', 1), ('320303000000', 40, 'M', 'transfer_in', 1)
  ) f(region_code, age, sex, flow, persons)
  ORDER BY region_code, month, flow, sex
) TO <flow_file> (FORMAT parquet);
