-- 应享未享人数: alive 80+ not paid a longevity allowance in the month.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pop_80 - pop_80_paid as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
