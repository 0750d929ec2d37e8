-- 异常工单率: orders with status 异常 / all orders started in the month. kpis.md also counts orders with any audit
-- finding; the audit rules (issue #5) add that half by joining their audit_finding model here on batch_id and
-- source_row (or order_id).
with

orders as (
    select * from fct_service_order
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(count_if(is_flagged) as double) as numerator,
        cast(count(*) as double) as denominator
    from orders
    group by region_code, order_month
)

select * from final
