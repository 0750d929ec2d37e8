-- 失能老人长护险覆盖率: disabled_elderly with an LTC benefit in the month / disabled_elderly.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(disabled_with_ltc as double) as numerator,
        cast(disabled_elderly as double) as denominator
    from counts
)

select * from final
