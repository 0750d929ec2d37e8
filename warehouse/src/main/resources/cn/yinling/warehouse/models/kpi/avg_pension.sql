-- 老年人人均月养老金: pension paid to alive 60+ in the month / those paid (both schemes of a person add up).
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(pension_amount as double) as numerator,
        cast(pension_recipients as double) as denominator
    from counts
)

select * from final
