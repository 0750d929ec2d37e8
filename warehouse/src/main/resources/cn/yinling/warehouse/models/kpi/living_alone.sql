-- 独居老人: alive 60+ whose living status in force (latest survey of the last 12 months) is 独居.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(living_alone as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
