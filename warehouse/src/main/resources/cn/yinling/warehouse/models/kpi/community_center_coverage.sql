-- 城市社区居家养老服务设施覆盖率: urban communities (城乡分类 1xx) with an open 社区居家养老服务中心 in the
-- community, or an open 街道日间照料中心 in the community or registered at its street (a street's day-care centre
-- serves the street's communities) / urban communities.
with

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

facilities as (
    select * from fct_facility_month
    where is_open and facility_type in ('community_center', 'day_care_center')
),

urban_communities as (
    select region_code, street_code
    from regions
    where level = 5 and urban_rural_code like '1%'
),

covered as (
    select distinct c.region_code, f.month
    from urban_communities as c
    join facilities as f
        on f.region_code = c.region_code
        or (f.facility_type = 'day_care_center' and f.region_code = c.street_code)
),

final as (
    select
        c.region_code,
        m.month,
        cast(null as string) as breakdown,
        case when v.region_code is not null then 1.0d else 0.0d end as numerator,
        1.0d as denominator
    from urban_communities as c
    cross join months as m
    left join covered as v on v.region_code = c.region_code and v.month = m.month
)

select * from final
