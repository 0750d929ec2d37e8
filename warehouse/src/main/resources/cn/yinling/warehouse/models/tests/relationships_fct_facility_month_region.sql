-- Every fct_facility_month.region_code exists in dim_region.region_code: returns the orphans.
with

child as (
    select region_code as ref from fct_facility_month where region_code is not null
),

parent as (
    select region_code as ref from dim_region
),

final as (
    select c.ref, count(*) as orphan_rows
    from child as c
    left anti join parent as p on p.ref = c.ref
    group by c.ref
)

select * from final
