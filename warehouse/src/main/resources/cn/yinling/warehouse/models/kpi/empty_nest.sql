-- 空巢老人: alive 60+ whose living status in force is 空巢.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(empty_nest as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
