-- 身份匹配率: rows of the person feeds (every feed with an ID number but the register itself) whose person_key is in
-- the household snapshot in force at the end of the row's month / rows, at the sending unit's scope. The facts carry
-- that match as is_registered; death rows are matched here the same way.
with

allowances as (
    select unit, pay_month as month, is_registered from fct_allowance_payment
),

pensions as (
    select unit, pay_month as month, is_registered from fct_pension_payment
),

ltc_benefits as (
    select unit, benefit_month as month, is_registered from fct_ltc_benefit
),

orders as (
    select unit, order_month as month, is_registered from fct_service_order
),

visits as (
    select unit, visit_month as month, is_registered from fct_care_visit
),

checkups as (
    select unit, exam_month as month, is_registered from fct_health_checkup
),

surveys as (
    select unit, survey_month as month, is_registered from fct_living_status
),

enrolments as (
    select unit, reference_month as month, is_registered from fct_insurance_enrollment
),

deaths as (
    select * from stg_death
),

registrations as (
    select * from int_event_registration
),

scopes as (
    select * from int_unit_scope
),

death_rows as (
    select d.unit, trunc(d.death_date, 'MM') as month, r.person_key is not null as is_registered
    from deaths as d
    left join registrations as r on r.person_key = d.person_key and r.month = trunc(d.death_date, 'MM')
),

person_rows as (
    select * from allowances
    union all select * from pensions
    union all select * from ltc_benefits
    union all select * from orders
    union all select * from visits
    union all select * from checkups
    union all select * from surveys
    union all select * from enrolments
    union all select * from death_rows
),

final as (
    select
        s.region_code,
        p.month,
        cast(null as string) as breakdown,
        cast(count_if(p.is_registered) as double) as numerator,
        cast(count(*) as double) as denominator
    from person_rows as p
    join scopes as s on s.unit = p.unit
    where p.month is not null
    group by s.region_code, p.month
)

select * from final
