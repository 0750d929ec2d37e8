-- Allowance payments, one row per accepted row (two units paying the same person are two rows). Attributed to where
-- the person is registered at the end of the pay month; a person the register does not list counts at the payment's
-- own region code (a 6-digit code: district and city only).
with

payments as (
    select * from stg_allowance
),

registrations as (
    select * from int_event_registration
),

attributed as (
    -- the events are hashed by person and month and int_event_registration is streamed past them: no sort
    -- of all the registrations for each fact
    select /*+ SHUFFLE_HASH(p) */
        p.person_key,
        p.pay_month,
        p.allowance_type,
        p.allowance_type in ('longevity_80', 'longevity_90', 'centenarian') as is_longevity,
        p.amount,
        p.pay_method,
        p.payment_region_code,
        coalesce(r.region_code, p.payment_region_code) as region_code,
        r.region_code is not null as is_registered,
        r.age as age,
        r.is_alive as is_alive,
        p.unit,
        p.batch_id,
        p.source_row
    from payments as p
    left join registrations as r on r.person_key = p.person_key and r.month = p.pay_month
),

final as (
    select * from attributed
)

select * from final
