-- 居家养老服务对象数: distinct persons with a completed order started in the month. A person has one region per
-- month (registered region, else the city), so the sum over communities is the distinct count of the city.
with

orders as (
    select * from fct_service_order
),

final as (
    select
        region_code,
        order_month as month,
        cast(null as string) as breakdown,
        cast(count(distinct person_key) as double) as numerator,
        cast(null as double) as denominator
    from orders
    where is_completed
    group by region_code, order_month
)

select * from final
