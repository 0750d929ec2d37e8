-- 老年人基本养老金领取率: alive 60+ paid a pension in the month / alive 60+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pension_recipients as double) as numerator,
        cast(pop_60 as double) as denominator
    from counts
)

select * from final
