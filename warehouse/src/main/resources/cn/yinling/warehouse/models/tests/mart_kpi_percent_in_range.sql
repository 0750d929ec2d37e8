-- Percentages lie within 0–100 and no value is negative.
select k.kpi_code, k.region_code, k.month, k.value
from mart_kpi as k
join kpi_catalog as c on c.kpi_code = k.kpi_code
where (c.unit = '%' and k.value not between 0 and 100)
   or k.value < 0
