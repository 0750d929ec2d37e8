-- 老年人死亡数: persons aged 60+ at the month's end whose first recorded death date (any source) is in the month,
-- in the region fct_death attributes them to (city level for persons the register never listed).
with

deaths as (
    select * from fct_death
),

final as (
    select
        region_code,
        death_month as month,
        cast(null as string) as breakdown,
        cast(count(*) as double) as numerator,
        cast(null as double) as denominator
    from deaths
    where age_at_month_end >= 60
    group by region_code, death_month
)

select * from final
