-- A09 服务时长异常: a completed order shorter than 10 minutes or longer than 8 hours (exactly 10 minutes or exactly 8
-- hours is normal). Durations are compared in whole microseconds, not as fractions of an hour. One finding per order,
-- its amount the order's government subsidy.
with

orders as (
    select * from fct_service_order where is_completed
),

types as (
    select * from code_label where code_list = 'service_type'
),

timed as (
    select
        *,
        unix_micros(cast(end_time as timestamp)) - unix_micros(cast(start_time as timestamp)) as duration_micros
    from orders
),

abnormal as (
    select
        *,
        cast(floor(duration_micros / 60000000) as bigint) as duration_minutes,
        case when duration_micros < 600000000 then '短于10分钟' else '长于8小时' end as verdict
    from timed
    where duration_micros < 600000000 or duration_micros > 28800000000
),

final as (
    select
        a.order_month as month,
        a.person_key,
        a.order_id,
        a.region_code,
        coalesce(a.subsidy_amount, cast(0 as decimal(14, 2))) as amount,
        concat('工单', a.order_id, '，', coalesce(t.label, a.service_type), '，服务时长',
            case when a.duration_minutes >= 60
                then concat(cast(floor(a.duration_minutes / 60) as string), '小时', cast(a.duration_minutes % 60 as string), '分钟')
                else concat(cast(a.duration_minutes as string), '分钟') end,
            '（', date_format(cast(a.start_time as timestamp), 'yyyy-MM-dd HH:mm'), '至',
            date_format(cast(a.end_time as timestamp), 'yyyy-MM-dd HH:mm'), '），', a.verdict) as evidence,
        to_json(named_struct(
            'order_id', a.order_id,
            'service_type', a.service_type,
            'start_time', date_format(cast(a.start_time as timestamp), 'yyyy-MM-dd HH:mm'),
            'end_time', date_format(cast(a.end_time as timestamp), 'yyyy-MM-dd HH:mm'),
            'duration_minutes', a.duration_minutes,
            'subsidy_amount', a.subsidy_amount)) as evidence_json,
        a.unit as case_key,
        a.batch_id,
        a.source_row
    from abnormal as a
    left join types as t on t.code = a.service_type
)

select * from final
