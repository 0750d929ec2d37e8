-- Deaths of registered persons by district, month, single year of age and sex.
SELECT region_code,
       strftime(month, '%Y-%m') AS month,
       age,
       sex,
       CAST(deaths AS DOUBLE) AS persons
FROM mart_death_age
ORDER BY month, region_code, sex, age
