-- 高龄津贴发放人数: distinct persons paid a longevity allowance (80–89, 90–99, centenarian) in the month, counted
-- once however many payments they got. A registered person has one region per month; a person the register does not
-- know is placed at the lowest of the payment region codes (so still counted once), reaching only the levels that
-- code reaches.
with

payments as (
    select * from fct_allowance_payment
),

recipients as (
    select person_key, pay_month, min(region_code) as region_code
    from payments
    where is_longevity
    group by person_key, pay_month
),

final as (
    select
        region_code,
        pay_month as month,
        cast(null as string) as breakdown,
        cast(count(*) as double) as numerator,
        cast(null as double) as denominator
    from recipients
    group by region_code, pay_month
)

select * from final
