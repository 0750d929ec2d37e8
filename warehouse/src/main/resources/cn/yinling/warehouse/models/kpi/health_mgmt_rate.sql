-- 65岁及以上老年人健康管理率: alive 65+ with a checkup in the last 12 months / alive 65+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(checked_65 as double) as numerator,
        cast(pop_65 as double) as denominator
    from counts
)

select * from final
