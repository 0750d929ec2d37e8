-- Per person and month, what the coverage KPIs ask of the event feeds: whether the person was paid a longevity
-- allowance or a pension, had an LTC benefit, was visited (a care visit or a completed 探访关爱 order) in the month,
-- or is insured for the month's year. One aggregate over a union, so fct_population_month needs a single join for
-- them; only booleans and amounts, so Spark aggregates by hash (a text column, such as the living status's, would
-- make it sort the union on both sides of the shuffle). The living status and checkup in force, one row per person
-- and month already, are joined by fct_population_month itself. In buckets by person_key, as the person-months are,
-- so that join shuffles neither side.
-- materialized: table
-- clustered_by: person_key
with

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
        person_key, pay_month as month,
        true as is_longevity_paid, cast(null as boolean) as is_pension_paid,
        cast(null as decimal(16, 2)) as pension_amount, cast(null as boolean) as has_ltc_benefit,
        cast(null as boolean) as is_visited, cast(null as boolean) as is_insured
    from allowances
    where is_longevity
    union all
    select person_key, pay_month, null, true, amount, null, null, null
    from pensions
    union all
    select person_key, benefit_month, null, null, null, true, null, null
    from ltc_benefits
    union all
    select person_key, visit_month, null, null, null, null, true, null
    from visits
    union all
    select person_key, order_month, null, null, null, null, true, null
    from orders
    where is_completed and service_type = 'visit'
    union all
    select e.person_key, m.month, null, null, null, null, null, true
    from enrolments as e
    join months as m on m.year = e.policy_year
),

by_person as (
    -- sent once to the partition of the person's bucket: the aggregate below and the bucketed write need no shuffle
    -- of their own
    select /*+ REPARTITION(person_key) */ * from signals
),

final as (
    select
        person_key,
        month,
        coalesce(bool_or(is_longevity_paid), false) as is_longevity_paid,
        coalesce(bool_or(is_pension_paid), false) as is_pension_paid,
        sum(pension_amount) as pension_amount,
        coalesce(bool_or(has_ltc_benefit), false) as has_ltc_benefit,
        coalesce(bool_or(is_visited), false) as is_visited,
        coalesce(bool_or(is_insured), false) as is_insured
    from by_person
    group by person_key, month
)

select * from final
