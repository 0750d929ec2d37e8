-- 养老机构消防达标率: open 养老机构 with 消防达标 = 是 / open 养老机构 (an empty 消防达标 is not 达标).
with

facilities as (
    select * from fct_facility_month
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(count_if(coalesce(fire_safe, false)) as double) as numerator,
        cast(count(*) as double) as denominator
    from facilities
    where is_open and facility_type = 'institution'
    group by region_code, month
)

select * from final
