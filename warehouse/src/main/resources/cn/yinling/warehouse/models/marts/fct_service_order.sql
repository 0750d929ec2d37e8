-- Home-care service orders, one row per accepted row, in the month the service started. Attributed to where the
-- person served is registered at that month's end; a person the register does not list counts at city level only.
-- Audit findings (issue #5) join on batch_id and source_row, or on order_id.
with

orders as (
    select * from stg_service_order
),

registrations as (
    select * from int_event_registration
),

attributed as (
    -- the events are hashed by person and month and int_event_registration is streamed past them: no sort
    -- of all the registrations for each fact
    select /*+ SHUFFLE_HASH(o) */
        o.order_id,
        o.person_key,
        o.provider_code,
        o.worker_id,
        o.service_type,
        o.start_time,
        o.end_time,
        o.order_month,
        o.duration_hours,
        o.subsidy_amount,
        o.self_pay_amount,
        o.checkin_lon,
        o.checkin_lat,
        o.status,
        o.status = 'completed' as is_completed,
        o.status = 'flagged' as is_flagged,
        o.funding,
        coalesce(r.region_code, o.reporting_city_code) as region_code,
        r.region_code is not null as is_registered,
        o.unit,
        o.batch_id,
        o.source_row
    from orders as o
    left join registrations as r on r.person_key = o.person_key and r.month = o.order_month
),

final as (
    select * from attributed
)

select * from final
