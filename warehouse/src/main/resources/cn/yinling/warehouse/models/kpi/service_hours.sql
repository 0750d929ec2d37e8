-- 居家养老服务时长: hours of the completed orders started in the month (end − start).
with

orders as (
    select * from fct_service_order
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(sum(duration_hours) as double) as numerator,
        cast(null as double) as denominator
    from orders
    where is_completed
    group by region_code, order_month
)

select * from final
