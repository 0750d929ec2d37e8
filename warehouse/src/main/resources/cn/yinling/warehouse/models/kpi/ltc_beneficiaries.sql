-- 长期护理保险待遇享受人数: distinct persons with an LTC benefit in the month (one region per person and month).
with

benefits as (
    select * from fct_ltc_benefit
),

final as (
    select
        region_code,
        benefit_month as month,
        cast(null as string) as breakdown,
        cast(count(distinct person_key) as double) as numerator,
        cast(null as double) as denominator
    from benefits
    group by region_code, benefit_month
)

select * from final
