-- 无感认证率: longevity-allowance recipients of the month whose proof of life is auto_verified (mart_proof_of_life:
-- evidence from another department in the last 6 months) / all recipients of the month.
with

proof_of_life as (
    select * from mart_proof_of_life
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(count_if(status = 'auto_verified') as double) as numerator,
        cast(count(*) as double) as denominator
    from proof_of_life
    group by region_code, month
)

select * from final
