-- 高龄老人占比: pop_80 / pop_60.
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
        cast(pop_60 as double) as denominator
    from counts
)

select * from final
