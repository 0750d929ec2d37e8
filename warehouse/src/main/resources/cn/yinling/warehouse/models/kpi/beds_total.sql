-- 养老床位总数: beds of open 养老机构 (institution), where the facility is registered.
with

facilities as (
    select * from fct_facility_month
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(sum(coalesce(beds, 0)) as double) as numerator,
        cast(null as double) as denominator
    from facilities
    where is_open and facility_type = 'institution'
    group by region_code, month
)

select * from final
