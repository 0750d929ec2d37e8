-- 街道日间照料中心覆盖率: streets (level-4 names ending 街道) with an open 街道日间照料中心 registered at the street
-- or in one of its communities / such streets. Computed at street level (levels 2–4).
with

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

facilities as (
    select * from fct_facility_month
    where is_open and facility_type = 'day_care_center'
),

streets as (
    select region_code
    from regions
    where level = 4 and name like '%街道'
),

covered as (
    select distinct r.street_code as region_code, f.month
    from facilities as f
    join regions as r on r.region_code = f.region_code
    where r.street_code is not null
),

final as (
    select
        s.region_code,
        m.month,
        cast(null as string) as breakdown,
        case when v.region_code is not null then 1.0d else 0.0d end as numerator,
        1.0d as denominator
    from streets as s
    cross join months as m
    left join covered as v on v.region_code = s.region_code and v.month = m.month
)

select * from final
