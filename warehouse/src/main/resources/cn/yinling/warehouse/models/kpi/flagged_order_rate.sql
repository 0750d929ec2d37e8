-- 异常工单率: orders started in the month with status 异常 or with a finding of any order rule of the audit catalog
-- (A03, A08, A09; joined on the row the unit sent) / all orders started in the month. Each order counts once.
with

orders as (
    select * from fct_service_order
),

findings as (
    select * from audit_finding
),

rules as (
    select * from audit_rule
),

order_findings as (
    select distinct f.batch_id, f.source_row
    from findings as f
    join rules as r on r.rule = f.rule
    where r.subject = 'order'
),

flagged as (
    select
        o.region_code,
        o.order_month,
        o.is_flagged or f.batch_id is not null as is_flagged
    from orders as o
    left join order_findings as f on f.batch_id = o.batch_id and f.source_row = o.source_row
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(count_if(is_flagged) as double) as numerator,
        cast(count(*) as double) as denominator
    from flagged
    group by region_code, order_month
)

select * from final
