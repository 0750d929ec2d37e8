-- Person × month for everyone aged 60+ at the month's end in the household snapshot in force (alive or not: the
-- is_alive flag says whether the person counts in the population KPIs).
with

person_months as (
    select * from int_person_month
),

final as (
    select
        person_key,
        month,
        region_code,
        sex,
        birth_date,
        age,
        age_band,
        status,
        is_alive,
        death_date,
        snapshot_month
    from person_months
    where age >= 60
)

select * from final
