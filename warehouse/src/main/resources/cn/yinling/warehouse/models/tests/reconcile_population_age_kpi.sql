-- mart_population_age adds up to pop_total, pop_60, pop_65, pop_80 and pop_100 of mart_kpi at every district and
-- month: the forecast starts from exactly the population the KPI pages show. Returns the district-months that differ.
with

by_age as (
    select
        region_code,
        month,
        sum(population) as pop_total,
        sum(case when age >= 60 then population else 0 end) as pop_60,
        sum(case when age >= 65 then population else 0 end) as pop_65,
        sum(case when age >= 80 then population else 0 end) as pop_80,
        sum(case when age >= 100 then population else 0 end) as pop_100
    from mart_population_age
    group by region_code, month
),

kpis as (
    select
        region_code,
        month,
        max(case when kpi_code = 'pop_total' then numerator end) as pop_total,
        max(case when kpi_code = 'pop_60' then numerator end) as pop_60,
        max(case when kpi_code = 'pop_65' then numerator end) as pop_65,
        max(case when kpi_code = 'pop_80' then numerator end) as pop_80,
        max(case when kpi_code = 'pop_100' then numerator end) as pop_100
    from mart_kpi
    where region_level = 3
      and breakdown is null
      and kpi_code in ('pop_total', 'pop_60', 'pop_65', 'pop_80', 'pop_100')
    group by region_code, month
),

compared as (
    select
        coalesce(k.region_code, a.region_code) as region_code,
        coalesce(k.month, a.month) as month,
        coalesce(k.pop_total, 0) as kpi_pop_total,
        coalesce(a.pop_total, 0) as age_pop_total,
        coalesce(k.pop_60, 0) as kpi_pop_60,
        coalesce(a.pop_60, 0) as age_pop_60,
        coalesce(k.pop_65, 0) as kpi_pop_65,
        coalesce(a.pop_65, 0) as age_pop_65,
        coalesce(k.pop_80, 0) as kpi_pop_80,
        coalesce(a.pop_80, 0) as age_pop_80,
        coalesce(k.pop_100, 0) as kpi_pop_100,
        coalesce(a.pop_100, 0) as age_pop_100
    from kpis as k
    full outer join by_age as a on a.region_code = k.region_code and a.month = k.month
),

final as (
    select *
    from compared
    where kpi_pop_total <> age_pop_total
       or kpi_pop_60 <> age_pop_60
       or kpi_pop_65 <> age_pop_65
       or kpi_pop_80 <> age_pop_80
       or kpi_pop_100 <> age_pop_100
)

select * from final
