-- Deaths of registered persons by district, month of death, single year of age at that month's end (100 = 100
-- and over) and sex: the numerators of the forecast's death rates. A death the register never listed belongs to no
-- district's population and is left out, as are deaths outside the month spine.
with

deaths as (
    select * from fct_death where is_registered
),

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

by_district as (
    select
        r.district_code as region_code,
        d.death_month as month,
        cast(least(greatest(d.age_at_month_end, 0), 100) as int) as age,
        d.sex
    from deaths as d
    join regions as r on r.region_code = d.region_code
    join months as m on m.month = d.death_month
    where r.district_code is not null
),

final as (
    select region_code, month, age, sex, count(*) as deaths
    from by_district
    group by region_code, month, age, sex
)

select * from final
