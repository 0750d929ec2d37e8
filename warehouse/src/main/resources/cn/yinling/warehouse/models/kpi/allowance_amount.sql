-- 各类养老补贴发放金额: payments of the month by allowance_type (the rollup adds the total row).
with

payments as (
    select * from fct_allowance_payment
),

final as (
    select
        region_code,
        pay_month as month,
        allowance_type as breakdown,
        cast(sum(amount) as double) as numerator,
        cast(null as double) as denominator
    from payments
    group by region_code, pay_month, allowance_type
)

select * from final
