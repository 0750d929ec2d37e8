-- The alive population under 60 as counts by community, month, age band and sex (no person rows needed). Counted
-- straight from the person-months: a few hundred thousand groups, which each task's partial aggregate holds in cache
-- and the shuffle barely sees (one pass with mart_population_age at community × single year of age was millions of
-- groups, whose hash table cost more than widening the person rows twice).
with

person_months as (
    select * from int_person_month
),

young as (
    select * from person_months where is_alive and age < 60
),

final as (
    select
        region_code,
        month,
        age_band,
        sex,
        count(*) as population
    from young
    group by region_code, month, age_band, sex
)

select * from final
