-- 高龄津贴发放金额: every longevity allowance payment of the month (two payments to one person both count).
with

payments as (
    select * from fct_allowance_payment
),

final as (
    select
        region_code,
        pay_month as month,
        cast(null as string) as breakdown,
        cast(sum(amount) as double) as numerator,
        cast(null as double) as denominator
    from payments
    where is_longevity
    group by region_code, pay_month
)

select * from final
