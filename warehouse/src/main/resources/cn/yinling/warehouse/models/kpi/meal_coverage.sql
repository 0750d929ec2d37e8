-- 助餐服务覆盖率: communities and villages with an open 老年助餐点 or 社区食堂 / all communities and villages.
with

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

facilities as (
    select * from fct_facility_month
    where is_open and facility_type in ('meal_point', 'community_canteen')
),

communities as (
    select region_code
    from regions
    where level = 5
),

covered as (
    select distinct region_code, month from facilities
),

final as (
    select
        c.region_code,
        m.month,
        cast(null as string) as breakdown,
        case when v.region_code is not null then 1.0d else 0.0d end as numerator,
        1.0d as denominator
    from communities as c
    cross join months as m
    left join covered as v on v.region_code = c.region_code and v.month = m.month
)

select * from final
