-- 高龄津贴覆盖率: alive 80+ paid a longevity allowance (any of the three types) in the month / alive 80+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pop_80_paid as double) as numerator,
        cast(pop_80 as double) as denominator
    from counts
)

select * from final
