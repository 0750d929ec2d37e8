-- 政府购买服务补贴金额: government subsidy of the completed orders started in the month (an empty amount is 0).
with

orders as (
    select * from fct_service_order
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(coalesce(sum(subsidy_amount), 0) as double) as numerator,
        cast(null as double) as denominator
    from orders
    where is_completed
    group by region_code, order_month
)

select * from final
