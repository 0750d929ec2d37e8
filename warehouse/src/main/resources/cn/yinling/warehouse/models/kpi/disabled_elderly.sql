-- 失能老人: alive 60+ whose latest checkup of the last 12 months says 不能自理 or 中度依赖, or whose living
-- status in force names 失能.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(disabled_elderly as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
