-- A03 身故后仍有服务工单: a completed service order that started on a day after the person's earliest recorded death
-- (any source). A death date has no time of day, so an order on the day of death itself may have come before it and is
-- not a finding. One finding per order (in the month it started), its amount the order's government subsidy.
with

orders as (
    select * from fct_service_order
),

deaths as (
    select * from int_audit_death
),

types as (
    select * from code_label where code_list = 'service_type'
),

after_death as (
    select
        o.*,
        d.death_date,
        d.sources as death_sources,
        d.source_labels as death_source_labels
    from orders as o
    join deaths as d on d.person_key = o.person_key
    where o.is_completed and cast(o.start_time as date) > d.death_date
),

final as (
    select
        a.order_month as month,
        a.person_key,
        a.order_id,
        a.region_code,
        coalesce(a.subsidy_amount, cast(0 as decimal(14, 2))) as amount,
        concat('死亡日期', cast(a.death_date as string), '(', a.death_source_labels, ')；工单', a.order_id, '，',
            coalesce(t.label, a.service_type), '，开始', date_format(cast(a.start_time as timestamp), 'yyyy-MM-dd HH:mm'),
            '，已完成；政府补贴', cast(coalesce(a.subsidy_amount, cast(0 as decimal(14, 2))) as string), '元')
            as evidence,
        to_json(named_struct(
            'death_date', cast(a.death_date as string),
            'death_sources', a.death_sources,
            'order_id', a.order_id,
            'service_type', a.service_type,
            'start_time', date_format(cast(a.start_time as timestamp), 'yyyy-MM-dd HH:mm'),
            'subsidy_amount', a.subsidy_amount)) as evidence_json,
        a.unit as case_key,
        a.batch_id,
        a.source_row
    from after_death as a
    left join types as t on t.code = a.service_type
)

select * from final
