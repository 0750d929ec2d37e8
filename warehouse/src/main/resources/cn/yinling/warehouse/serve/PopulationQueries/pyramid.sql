-- The population pyramid of one region in two months (the month and the same month a year earlier): age bands
-- from the youngest up (by their lower bound), men first.
SELECT strftime(month, '%Y-%m') AS month,
       age_band,
       sex,
       population
FROM mart_population_pyramid
WHERE region_code = :regionCode
  AND month IN (CAST(:month || '-01' AS DATE), CAST(:previousMonth || '-01' AS DATE))
ORDER BY CAST(regexp_extract(age_band, '^[0-9]+') AS INTEGER), sex DESC, month
