-- The alive population under 60 as counts by community, month, age band and sex (no person rows needed).
with

person_months as (
    select * from int_person_month
),

final as (
    select
        region_code,
        month,
        age_band,
        sex,
        count(*) as population
    from person_months
    where is_alive and age < 60
    group by region_code, month, age_band, sex
)

select * from final
