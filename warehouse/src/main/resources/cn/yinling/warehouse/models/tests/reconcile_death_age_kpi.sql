-- mart_death_age's deaths at 60+ add up to mart_kpi's elderly_deaths at every district and month (a death the
-- register never listed counts at city level only, in both). Returns the district-months that differ.
with

by_age as (
    select region_code, month, sum(deaths) as deaths
    from mart_death_age
    where age >= 60
    group by region_code, month
),

kpis as (
    select region_code, month, numerator as deaths
    from mart_kpi
    where region_level = 3 and breakdown is null and kpi_code = 'elderly_deaths'
),

final as (
    select
        coalesce(k.region_code, a.region_code) as region_code,
        coalesce(k.month, a.month) as month,
        coalesce(k.deaths, 0) as kpi_deaths,
        coalesce(a.deaths, 0) as age_deaths
    from kpis as k
    full outer join by_age as a on a.region_code = k.region_code and a.month = k.month
    where coalesce(k.deaths, 0) <> coalesce(a.deaths, 0)
)

select * from final
