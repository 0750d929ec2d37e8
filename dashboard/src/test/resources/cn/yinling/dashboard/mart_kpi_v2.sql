-- Version 2 = version 1 with the city population of 2024-12 corrected to 2222.
UPDATE mart_kpi SET value = 2222, numerator = 2222
WHERE kpi_code = 'pop_total' AND region_code = '320300000000' AND month = DATE '2024-12-01';
