-- Births and moves in the register by district, month, single year of age, sex and flow.
SELECT region_code,
       strftime(month, '%Y-%m') AS month,
       age,
       sex,
       flow,
       CAST(persons AS DOUBLE) AS persons
FROM mart_population_flow
ORDER BY month, region_code, flow, sex, age
