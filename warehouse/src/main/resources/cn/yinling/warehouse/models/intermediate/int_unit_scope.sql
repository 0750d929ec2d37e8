-- Each reporting unit's scope as a region of dim_region (the whole city, or one district): the data-quality KPIs
-- count a unit's batches and rows there. A unit whose scope the registry does not know is left out.
with

manifests as (
    select * from landing_manifest
),

expected as (
    select * from expected_submission
),

regions as (
    select * from dim_region
),

units as (
    select unit from manifests
    union
    select unit from expected
),

final as (
    select u.unit, r.region_code
    from units as u
    join regions as r on r.region_code = rpad(split_part(u.unit, ':', 2), 12, '0')
)

select * from final
