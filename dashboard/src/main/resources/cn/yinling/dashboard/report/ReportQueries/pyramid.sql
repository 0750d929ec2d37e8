-- The population pyramid of one region at one month's end: alive persons by age band and sex.
SELECT age_band,
       sex,
       CAST(SUM(population) AS BIGINT) AS population
FROM mart_population_pyramid
WHERE region_code = :regionCode
  AND month = CAST(:month || '-01' AS DATE)
GROUP BY age_band, sex
ORDER BY age_band, sex
