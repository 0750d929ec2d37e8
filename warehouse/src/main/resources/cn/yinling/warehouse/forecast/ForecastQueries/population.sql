-- Alive population by district, month, single year of age and sex.
SELECT region_code,
       strftime(month, '%Y-%m') AS month,
       age,
       sex,
       CAST(population AS DOUBLE) AS persons
FROM mart_population_age
ORDER BY month, region_code, sex, age
