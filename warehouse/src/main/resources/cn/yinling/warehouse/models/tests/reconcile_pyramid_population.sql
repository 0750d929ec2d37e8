-- The pyramid adds up to pop_total at every region and month.
with

pyramid as (
    select region_code, month, sum(population) as population
    from mart_population_pyramid
    group by region_code, month
),

population as (
    select region_code, month, numerator as population
    from mart_kpi
    where kpi_code = 'pop_total'
),

final as (
    select p.region_code, p.month, p.population as pop_total, coalesce(y.population, 0) as pyramid
    from population as p
    left join pyramid as y on y.region_code = p.region_code and y.month = p.month
    where p.population <> coalesce(y.population, 0)
)

select * from final
