-- Home-care service orders (居家养老服务工单), one row per accepted row; the order's month is the month it started.
with

source as (
    select * from src_service_order
),

final as (
    select
        order_id,
        person_key(id_number) as person_key,
        provider_code,
        worker_id,
        service_type,
        start_time,
        end_time,
        cast(trunc(start_time, 'MM') as date) as order_month,
        (unix_micros(cast(end_time as timestamp)) - unix_micros(cast(start_time as timestamp))) / 3600e6 as duration_hours,
        subsidy_amount,
        self_pay_amount,
        checkin_lon,
        checkin_lat,
        status,
        funding,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
