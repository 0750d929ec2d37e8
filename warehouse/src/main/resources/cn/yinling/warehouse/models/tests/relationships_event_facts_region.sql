-- Every event fact's attribution region_code exists in dim_region.region_code: returns the orphans.
with

child as (
    select 'fct_allowance_payment' as model, region_code as ref from fct_allowance_payment
    union all
    select 'fct_pension_payment' as model, region_code as ref from fct_pension_payment
    union all
    select 'fct_ltc_benefit' as model, region_code as ref from fct_ltc_benefit
    union all
    select 'fct_service_order' as model, region_code as ref from fct_service_order
    union all
    select 'fct_care_visit' as model, region_code as ref from fct_care_visit
    union all
    select 'fct_health_checkup' as model, region_code as ref from fct_health_checkup
    union all
    select 'fct_living_status' as model, region_code as ref from fct_living_status
    union all
    select 'fct_insurance_enrollment' as model, region_code as ref from fct_insurance_enrollment
),

parent as (
    select region_code as ref from dim_region
),

final as (
    select c.model, c.ref, count(*) as orphan_rows
    from child as c
    left anti join parent as p on p.ref = c.ref
    group by c.model, c.ref
)

select * from final
