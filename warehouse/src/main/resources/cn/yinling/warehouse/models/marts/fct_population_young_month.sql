-- The alive population under 60 as counts by community, month, age band and sex (no person rows needed).
with

population as (
    select * from int_population_age
),

young as (
    select * from population where age < 60
),

final as (
    select
        region_code,
        month,
        age_band,
        sex,
        sum(population) as population
    from young
    group by region_code, month, age_band, sex
)

select * from final
