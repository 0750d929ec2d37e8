-- 特殊困难老年人月探访率: special_hardship visited in the month (a care visit, or a completed 探访关爱 order)
-- / special_hardship.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(special_hardship_visited as double) as numerator,
        cast(special_hardship as double) as denominator
    from counts
)

select * from final
