-- 农村互助养老设施覆盖率: villages (城乡分类 2xx) with an open 农村互助养老睦邻点 / villages.
with

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

facilities as (
    select * from fct_facility_month
    where is_open and facility_type = 'rural_mutual_aid'
),

villages as (
    select region_code
    from regions
    where level = 5 and urban_rural_code like '2%'
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
    from villages as c
    cross join months as m
    left join covered as v on v.region_code = c.region_code and v.month = m.month
)

select * from final
