-- 老龄化率(65岁+): pop_65 / pop_total.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pop_65 as double) as numerator,
        cast(pop_total as double) as denominator
    from counts
)

select * from final
