-- 每千名老年人养老床位数: beds of open 养老机构 / alive population 60+ × 1000. Beds count where the facility is
-- registered, people where they are registered; the rollup sums both before dividing.
with

facilities as (
    select * from fct_facility_month
),

counts as (
    select * from int_population_counts
),

beds as (
    select region_code, month, sum(coalesce(beds, 0)) as beds, 0 as pop_60
    from facilities
    where is_open and facility_type = 'institution'
    group by region_code, month
),

elderly as (
    select region_code, month, 0 as beds, pop_60
    from counts
),

combined as (
    select * from beds
    union all
    select * from elderly
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(sum(beds) as double) as numerator,
        cast(sum(pop_60) as double) as denominator
    from combined
    group by region_code, month
)

select * from final
