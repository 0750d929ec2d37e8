-- A08 服务时间冲突: two completed orders of the same worker_id whose times overlap, or of the same person and service
-- type that overlap. Overlap is strict: one order ending exactly when the other starts is back to back, not a
-- conflict. A finding for each order involved (in the month it started), naming every order it clashes with; its
-- amount the order's government subsidy.
with

orders as (
    select * from fct_service_order where is_completed
),

types as (
    select * from code_label where code_list = 'service_type'
),

by_worker as (
    select
        a.batch_id,
        a.source_row,
        b.order_id as other_order_id,
        b.start_time as other_start,
        b.end_time as other_end,
        'worker' as kind,
        concat('同一服务人员', a.worker_id) as shared
    from orders as a
    join orders as b
        on b.worker_id = a.worker_id
        and not (b.batch_id = a.batch_id and b.source_row = a.source_row)
        and a.start_time < b.end_time
        and b.start_time < a.end_time
    where a.worker_id is not null and trim(a.worker_id) <> ''
),

by_person as (
    select
        a.batch_id,
        a.source_row,
        b.order_id as other_order_id,
        b.start_time as other_start,
        b.end_time as other_end,
        'person_service_type' as kind,
        concat('同一服务对象的', coalesce(t.label, a.service_type), '工单') as shared
    from orders as a
    join orders as b
        on b.person_key = a.person_key
        and b.service_type = a.service_type
        and not (b.batch_id = a.batch_id and b.source_row = a.source_row)
        and a.start_time < b.end_time
        and b.start_time < a.end_time
    left join types as t on t.code = a.service_type
),

conflicts as (
    select * from by_worker
    union all
    select * from by_person
),

per_order as (
    select
        batch_id,
        source_row,
        array_join(transform(array_sort(collect_list(struct(other_order_id, kind, shared, other_start, other_end))),
            c -> concat(c.other_order_id, '（', c.shared, '，', date_format(cast(c.other_start as timestamp),
                'yyyy-MM-dd HH:mm'), '–', date_format(cast(c.other_end as timestamp), 'HH:mm'), '）')), '、')
            as listed,
        transform(array_sort(collect_list(struct(other_order_id, kind, other_start, other_end))),
            c -> named_struct('order_id', c.other_order_id, 'kind', c.kind,
                'start_time', date_format(cast(c.other_start as timestamp), 'yyyy-MM-dd HH:mm'),
                'end_time', date_format(cast(c.other_end as timestamp), 'yyyy-MM-dd HH:mm'))) as listed_json
    from conflicts
    group by batch_id, source_row
),

final as (
    select
        o.order_month as month,
        o.person_key,
        o.order_id,
        o.region_code,
        coalesce(o.subsidy_amount, cast(0 as decimal(14, 2))) as amount,
        concat('工单', o.order_id, '（服务人员', coalesce(o.worker_id, '未填'), '，',
            date_format(cast(o.start_time as timestamp), 'yyyy-MM-dd HH:mm'), '–',
            date_format(cast(o.end_time as timestamp), 'HH:mm'), '）与', c.listed, '时间重叠') as evidence,
        to_json(named_struct(
            'order_id', o.order_id,
            'worker_id', o.worker_id,
            'start_time', date_format(cast(o.start_time as timestamp), 'yyyy-MM-dd HH:mm'),
            'end_time', date_format(cast(o.end_time as timestamp), 'yyyy-MM-dd HH:mm'),
            'conflicts', c.listed_json,
            'subsidy_amount', o.subsidy_amount)) as evidence_json,
        o.unit as case_key,
        o.batch_id,
        o.source_row
    from orders as o
    join per_order as c on c.batch_id = o.batch_id and c.source_row = o.source_row
)

select * from final
