-- dim_region levels are 1–5 and mart_kpi rows are at city, district, street or community level (2–5), each at the
-- level of its region.
with

bad_regions as (
    select region_code, level from dim_region where level not between 1 and 5
),

bad_kpi_rows as (
    select k.region_code, k.region_level as level
    from mart_kpi as k
    join dim_region as r on r.region_code = k.region_code
    where k.region_level not between 2 and 5 or k.region_level <> r.level
),

final as (
    select * from bad_regions
    union all
    select * from bad_kpi_rows
)

select * from final
