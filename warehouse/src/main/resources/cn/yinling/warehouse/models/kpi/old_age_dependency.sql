-- 老年抚养比: pop_65 / alive aged 15–64 × 100.
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
        cast(pop_15_64 as double) as denominator
    from counts
)

select * from final
