-- Accident insurance enrolments, one row per accepted row. An enrolment covers its policy year; it is attributed to
-- where the person is registered at the latest month of that year the warehouse covers (a person the register does
-- not list counts at city level only).
with

enrolments as (
    select * from stg_accident_insurance
),

year_months as (
    select * from int_year_month
),

registrations as (
    select * from int_event_registration
),

placed as (
    select e.*, y.month as reference_month
    from enrolments as e
    left join year_months as y on y.year = e.policy_year
),

attributed as (
    -- the events are hashed by person and month and int_event_registration is streamed past them: no sort
    -- of all the registrations for each fact
    select /*+ SHUFFLE_HASH(e) */
        e.person_key,
        e.policy_year,
        e.reference_month,
        e.policy_no,
        e.premium,
        e.payer,
        e.enroll_date,
        coalesce(r.region_code, e.reporting_city_code) as region_code,
        r.region_code is not null as is_registered,
        e.unit,
        e.batch_id,
        e.source_row
    from placed as e
    left join registrations as r on r.person_key = e.person_key and r.month = e.reference_month
),

final as (
    select * from attributed
)

select * from final
