-- Alive population by community and month: the counts the population and coverage KPIs are made of.
with

elderly as (
    select * from fct_population_month where is_alive
),

young as (
    select * from fct_population_young_month
),

elderly_counts as (
    select
        region_code,
        month,
        count(*) as pop_total,
        count_if(age <= 64) as pop_15_64,
        count(*) as pop_60,
        count_if(age >= 65) as pop_65,
        count_if(age >= 80) as pop_80,
        count_if(age >= 100) as pop_100,
        count_if(is_living_alone) as living_alone,
        count_if(is_empty_nest) as empty_nest,
        count_if(is_special_hardship) as special_hardship,
        count_if(is_special_hardship and is_visited) as special_hardship_visited,
        count_if(is_disabled) as disabled_elderly,
        count_if(is_disabled and has_ltc_benefit) as disabled_with_ltc,
        count_if(age >= 80 and is_longevity_paid) as pop_80_paid,
        count_if(is_pension_paid) as pension_recipients,
        coalesce(sum(case when is_pension_paid then pension_amount end), 0) as pension_amount,
        count_if(is_insured) as insured,
        count_if(age >= 65 and is_checked_12m) as checked_65,
        count_if(age >= 65 and is_checked_12m and has_family_doctor) as family_doctor_65,
        count_if(age >= 65 and is_checked_12m and has_hypertension) as hypertension_65,
        count_if(age >= 65 and is_checked_12m and has_diabetes) as diabetes_65
    from elderly
    group by region_code, month
),

young_counts as (
    select
        region_code,
        month,
        sum(population) as pop_total,
        sum(case when age_band = '15-59' then population else 0 end) as pop_15_64,
        0 as pop_60, 0 as pop_65, 0 as pop_80, 0 as pop_100,
        0 as living_alone, 0 as empty_nest, 0 as special_hardship, 0 as special_hardship_visited,
        0 as disabled_elderly, 0 as disabled_with_ltc, 0 as pop_80_paid, 0 as pension_recipients,
        0 as pension_amount, 0 as insured, 0 as checked_65, 0 as family_doctor_65, 0 as hypertension_65,
        0 as diabetes_65
    from young
    group by region_code, month
),

combined as (
    select * from elderly_counts
    union all
    select * from young_counts
),

final as (
    select
        region_code,
        month,
        sum(pop_total) as pop_total,
        sum(pop_15_64) as pop_15_64,
        sum(pop_60) as pop_60,
        sum(pop_65) as pop_65,
        sum(pop_80) as pop_80,
        sum(pop_100) as pop_100,
        sum(living_alone) as living_alone,
        sum(empty_nest) as empty_nest,
        sum(special_hardship) as special_hardship,
        sum(special_hardship_visited) as special_hardship_visited,
        sum(disabled_elderly) as disabled_elderly,
        sum(disabled_with_ltc) as disabled_with_ltc,
        sum(pop_80_paid) as pop_80_paid,
        sum(pension_recipients) as pension_recipients,
        sum(pension_amount) as pension_amount,
        sum(insured) as insured,
        sum(checked_65) as checked_65,
        sum(family_doctor_65) as family_doctor_65,
        sum(hypertension_65) as hypertension_65,
        sum(diabetes_65) as diabetes_65
    from combined
    group by region_code, month
)

select * from final
