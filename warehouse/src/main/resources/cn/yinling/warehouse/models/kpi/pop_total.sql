-- 户籍总人口: alive registered persons at the month's end, by community.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pop_total as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
