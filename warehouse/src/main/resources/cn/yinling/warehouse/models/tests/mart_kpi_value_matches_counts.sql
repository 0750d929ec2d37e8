-- Every KPI value can be checked from its own numerator and denominator.
select k.kpi_code, k.region_code, k.month, k.value, k.numerator, k.denominator
from mart_kpi as k
join kpi_catalog as c on c.kpi_code = k.kpi_code
where (not c.ratio and (k.value is null or k.value <> k.numerator or k.denominator is not null))
   or (c.ratio and k.denominator = 0 and k.value is not null)
   or (c.ratio and k.denominator > 0 and abs(k.value - k.numerator / k.denominator * c.scale) > 1e-9 * greatest(1d, abs(k.value)))
