-- Person × month for everyone aged 60+ at the month's end in the household snapshot in force (alive or not: the
-- is_alive flag says whether the person counts in the population KPIs), with what the coverage KPIs need: the living
-- status and checkup in force (≤ 12 months) and the flags of int_person_month_flags (paid, insured, visited, LTC).
with

person_months as (
    select * from int_person_month
),

flags as (
    select * from int_person_month_flags
),

living_status as (
    select * from int_living_status_in_force
),

checkups as (
    select * from int_checkup_in_force
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
        l.survey_date as living_status_date,
        l.living_arrangement,
        l.hardship,
        coalesce(l.is_living_alone, false) as is_living_alone,
        coalesce(l.is_empty_nest, false) as is_empty_nest,
        coalesce(l.has_hardship, false) as has_hardship,
        coalesce(l.is_special_hardship, false) as is_special_hardship,
        c.exam_date as last_checkup_date,
        c.exam_date is not null as is_checked_12m,
        c.self_care,
        coalesce(c.has_hypertension, false) as has_hypertension,
        coalesce(c.has_diabetes, false) as has_diabetes,
        coalesce(c.has_family_doctor, false) as has_family_doctor,
        -- 失能: the latest checkup's self-care is 不能自理 or 中度依赖, or the living status names 失能
        coalesce(c.is_dependent, false) or coalesce(l.has_disabled_hardship, false) as is_disabled,
        coalesce(f.is_longevity_paid, false) as is_longevity_paid,
        coalesce(f.is_pension_paid, false) as is_pension_paid,
        f.pension_amount,
        coalesce(f.is_insured, false) as is_insured,
        coalesce(f.is_visited, false) as is_visited,
        coalesce(f.has_ltc_benefit, false) as has_ltc_benefit
    from elderly as p
    left join flags as f on f.person_key = p.person_key and f.month = p.month
    left join living_status as l on l.person_key = p.person_key and l.month = p.month
    left join checkups as c on c.person_key = p.person_key and c.month = p.month
)

select * from final
