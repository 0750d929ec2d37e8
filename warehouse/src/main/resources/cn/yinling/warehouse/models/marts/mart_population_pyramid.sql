-- Alive population by region (every level 2–5), month, age band and sex.
with

elderly as (
    select * from fct_population_month where is_alive
),

young as (
    select * from fct_population_young_month
),

regions as (
    select * from dim_region
),

by_community as (
    select region_code, month, age_band, sex, count(*) as population
    from elderly
    group by region_code, month, age_band, sex
    union all
    select region_code, month, age_band, sex, population
    from young
),

rolled_up as (
    select
        a.ancestor_code as region_code,
        a.ancestor_level as region_level,
        c.month,
        c.age_band,
        c.sex,
        sum(c.population) as population
    from by_community as c
    join regions as r on r.region_code = c.region_code
    lateral view stack(4, 2, r.city_code, 3, r.district_code, 4, r.street_code, 5, r.community_code) a as ancestor_level, ancestor_code
    where a.ancestor_code is not null
    group by a.ancestor_code, a.ancestor_level, c.month, c.age_band, c.sex
),

final as (
    select region_code, cast(region_level as int) as region_level, month, age_band, sex, population
    from rolled_up
)

select * from final
