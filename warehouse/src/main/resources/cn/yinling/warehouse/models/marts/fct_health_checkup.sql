-- Health checkups, one row per accepted row, attributed to where the person is registered at the end of the exam
-- month; a person the register does not list counts at city level only.
with

events as (
    select * from stg_health_checkup
),

registrations as (
    select * from int_event_registration
),

attributed as (
    -- the events are hashed by person and month and int_event_registration is streamed past them: no sort
    -- of all the registrations for each fact
    select /*+ SHUFFLE_HASH(e) */
        e.person_key,
        e.exam_date,
        e.exam_month,
        e.self_care,
        e.self_care in ('dependent', 'moderate') as is_dependent,
        e.hypertension,
        e.diabetes,
        e.family_doctor,
        e.institution_code,
        coalesce(r.region_code, e.reporting_city_code) as region_code,
        r.region_code is not null as is_registered,
        r.age as age,
        e.unit,
        e.batch_id,
        e.source_row
    from events as e
    left join registrations as r on r.person_key = e.person_key and r.month = e.exam_month
),

final as (
    select * from attributed
)

select * from final
