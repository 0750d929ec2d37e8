-- The alive population by community, month, sex and whole years of age (with its band): one pass over the person-months (125
-- million rows at scale 1.0 with twelve months) for both marts of counts by age, fct_population_young_month and
-- mart_population_age, instead of one pass each.
with

person_months as (
    select * from int_person_month where is_alive
),

final as (
    select
        region_code,
        month,
        sex,
        age,
        age_band,
        count(*) as population
    from person_months
    group by region_code, month, sex, age, age_band
)

select * from final
