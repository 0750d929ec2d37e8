-- Person × month for everyone aged 60+ at the month's end in the household snapshot in force (alive or not: the
-- is_alive flag says whether the person counts in the population KPIs), with the flags the coverage KPIs need
-- (int_person_month_flags): living status and checkup in force (≤ 12 months), paid, insured, visited, LTC.
with

person_months as (
    select * from int_person_month
),

flags as (
    select * from int_person_month_flags
),

elderly as (
    select * from person_months where age >= 60
),

final as (
    select
        p.person_key,
        p.month,
        p.region_code,
        p.sex,
        p.birth_date,
        p.age,
        p.age_band,
        p.status,
        p.is_alive,
        p.death_date,
        p.snapshot_month,
        f.living_status_date,
        f.living_arrangement,
        f.hardship,
        coalesce(f.is_living_alone, false) as is_living_alone,
        coalesce(f.is_empty_nest, false) as is_empty_nest,
        coalesce(f.has_hardship, false) as has_hardship,
        coalesce(f.is_special_hardship, false) as is_special_hardship,
        f.last_checkup_date,
        f.last_checkup_date is not null as is_checked_12m,
        f.self_care,
        coalesce(f.has_hypertension, false) as has_hypertension,
        coalesce(f.has_diabetes, false) as has_diabetes,
        coalesce(f.has_family_doctor, false) as has_family_doctor,
        -- 失能: the latest checkup's self-care is 不能自理 or 中度依赖, or the living status names 失能
        coalesce(f.is_dependent, false) or coalesce(f.has_disabled_hardship, false) as is_disabled,
        coalesce(f.is_longevity_paid, false) as is_longevity_paid,
        coalesce(f.is_pension_paid, false) as is_pension_paid,
        f.pension_amount,
        coalesce(f.is_insured, false) as is_insured,
        coalesce(f.is_visited, false) as is_visited,
        coalesce(f.has_ltc_benefit, false) as has_ltc_benefit
    from elderly as p
    left join flags as f on f.person_key = p.person_key and f.month = p.month
)

select * from final
