-- The alive population under 60 as counts by community, month, age band and sex (no person rows needed).
with

population as (
    select * from int_population_age
),

age_bands as (
    select * from dim_age_band
),

young as (
    select * from population where age < 60
),

final as (
    select /*+ BROADCAST(b) */
        p.region_code,
        p.month,
        b.age_band,
        p.sex,
        sum(p.population) as population
    from young as p
    join age_bands as b on p.age >= b.min_age and (b.max_age is null or p.age <= b.max_age)
    group by p.region_code, p.month, b.age_band, p.sex
)

select * from final
