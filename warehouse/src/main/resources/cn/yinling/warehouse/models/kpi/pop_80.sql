-- 80岁及以上高龄老人: alive, aged 80+ at the month's end.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pop_80 as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
