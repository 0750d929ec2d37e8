-- 特殊困难老人: alive 60+ living alone, empty-nest, or with any hardship other than 无 in the living
-- status in force; a person with several hardships is one person.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(special_hardship as double) as numerator,
        cast(null as double) as denominator
    from counts
)

select * from final
