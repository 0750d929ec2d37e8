-- 居家养老服务工单数: completed orders started in the month, where the person served is registered.
with

orders as (
    select * from fct_service_order
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(count(*) as double) as numerator,
        cast(null as double) as denominator
    from orders
    where is_completed
    group by region_code, order_month
)

select * from final
