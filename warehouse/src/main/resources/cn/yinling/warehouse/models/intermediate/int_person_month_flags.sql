-- Per person and month, what the coverage KPIs ask of every feed: the living status and checkup in force, and
-- whether the person was paid a longevity allowance or a pension, had an LTC benefit, was visited (a care visit or
-- a completed 探访关爱 order) in the month, or is insured for the month's year. One aggregate over a union, so
-- fct_population_month needs a single join.
-- materialized: table
with

living_status as (
    select * from int_living_status_in_force
),

checkups as (
    select * from int_checkup_in_force
),

allowances as (
    select * from fct_allowance_payment
),

pensions as (
    select * from fct_pension_payment
),

ltc_benefits as (
    select * from fct_ltc_benefit
),

visits as (
    select * from fct_care_visit
),

orders as (
    select * from fct_service_order
),

enrolments as (
    select * from fct_insurance_enrollment
),

months as (
    select * from dim_month
),

signals as (
    select
        person_key, month,
        survey_date, living_arrangement, hardship, is_living_alone, is_empty_nest, has_hardship,
        has_disabled_hardship, is_special_hardship,
        cast(null as date) as exam_date, cast(null as string) as self_care, cast(null as boolean) as is_dependent,
        cast(null as boolean) as has_hypertension, cast(null as boolean) as has_diabetes,
        cast(null as boolean) as has_family_doctor,
        cast(null as boolean) as is_longevity_paid, cast(null as boolean) as is_pension_paid,
        cast(null as decimal(16, 2)) as pension_amount, cast(null as boolean) as has_ltc_benefit,
        cast(null as boolean) as is_visited, cast(null as boolean) as is_insured
    from living_status
    union all
    select
        person_key, month,
        null, null, null, null, null, null, null, null,
        exam_date, self_care, is_dependent, has_hypertension, has_diabetes, has_family_doctor,
        null, null, null, null, null, null
    from checkups
    union all
    select
        person_key, pay_month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        true, null, null, null, null, null
    from allowances
    where is_longevity
    union all
    select
        person_key, pay_month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        null, true, amount, null, null, null
    from pensions
    union all
    select
        person_key, benefit_month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        null, null, null, true, null, null
    from ltc_benefits
    union all
    select
        person_key, visit_month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        null, null, null, null, true, null
    from visits
    union all
    select
        person_key, order_month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        null, null, null, null, true, null
    from orders
    where is_completed and service_type = 'visit'
    union all
    select
        e.person_key, m.month,
        null, null, null, null, null, null, null, null,
        null, null, null, null, null, null,
        null, null, null, null, null, true
    from enrolments as e
    join months as m on m.year = e.policy_year
),

final as (
    select
        person_key,
        month,
        -- the in-force tables hold one row per person and month, so max() just picks that row's value
        max(survey_date) as living_status_date,
        max(living_arrangement) as living_arrangement,
        max(hardship) as hardship,
        coalesce(bool_or(is_living_alone), false) as is_living_alone,
        coalesce(bool_or(is_empty_nest), false) as is_empty_nest,
        coalesce(bool_or(has_hardship), false) as has_hardship,
        coalesce(bool_or(has_disabled_hardship), false) as has_disabled_hardship,
        coalesce(bool_or(is_special_hardship), false) as is_special_hardship,
        max(exam_date) as last_checkup_date,
        max(self_care) as self_care,
        coalesce(bool_or(is_dependent), false) as is_dependent,
        coalesce(bool_or(has_hypertension), false) as has_hypertension,
        coalesce(bool_or(has_diabetes), false) as has_diabetes,
        coalesce(bool_or(has_family_doctor), false) as has_family_doctor,
        coalesce(bool_or(is_longevity_paid), false) as is_longevity_paid,
        coalesce(bool_or(is_pension_paid), false) as is_pension_paid,
        sum(pension_amount) as pension_amount,
        coalesce(bool_or(has_ltc_benefit), false) as has_ltc_benefit,
        coalesce(bool_or(is_visited), false) as is_visited,
        coalesce(bool_or(is_insured), false) as is_insured
    from signals
    group by person_key, month
)

select * from final
