-- Alive registered population by district, month, single year of age (100 = 100 and over) and sex: the base
-- population and the exposures of the cohort-component forecast (cn.yinling.warehouse.forecast). Counts only, straight
-- from the person-months (see fct_population_young_month).
with

person_months as (
    select * from int_person_month where is_alive
),

regions as (
    select * from dim_region
),

by_district as (
    select
        r.district_code as region_code,
        p.month,
        cast(least(p.age, 100) as int) as age,
        p.sex
    from person_months as p
    join regions as r on r.region_code = p.region_code
    where r.district_code is not null
),

final as (
    select region_code, month, age, sex, count(*) as population
    from by_district
    group by region_code, month, age, sex
)

select * from final
