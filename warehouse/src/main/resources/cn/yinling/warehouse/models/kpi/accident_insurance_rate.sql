-- 老年人意外伤害保险参保率: alive 60+ insured for the month's year / alive 60+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(insured as double) as numerator,
        cast(pop_60 as double) as denominator
    from counts
)

select * from final
