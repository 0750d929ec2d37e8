-- Row counts of the event feeds agree between steps: every accepted row reaches staging, and every staging row is
-- one fact row (a fact attributes rows, it never drops or duplicates one).
with

counts as (
    select 'stg_allowance' as step, (select count(*) from src_allowance) as expected, (select count(*) from stg_allowance) as actual
    union all
    select 'fct_allowance_payment', (select count(*) from stg_allowance), (select count(*) from fct_allowance_payment)
    union all
    select 'stg_pension' as step, (select count(*) from src_pension) as expected, (select count(*) from stg_pension) as actual
    union all
    select 'fct_pension_payment', (select count(*) from stg_pension), (select count(*) from fct_pension_payment)
    union all
    select 'stg_ltc_benefit' as step, (select count(*) from src_ltc_benefit) as expected, (select count(*) from stg_ltc_benefit) as actual
    union all
    select 'fct_ltc_benefit', (select count(*) from stg_ltc_benefit), (select count(*) from fct_ltc_benefit)
    union all
    select 'stg_service_order' as step, (select count(*) from src_service_order) as expected, (select count(*) from stg_service_order) as actual
    union all
    select 'fct_service_order', (select count(*) from stg_service_order), (select count(*) from fct_service_order)
    union all
    select 'stg_care_visit' as step, (select count(*) from src_care_visit) as expected, (select count(*) from stg_care_visit) as actual
    union all
    select 'fct_care_visit', (select count(*) from stg_care_visit), (select count(*) from fct_care_visit)
    union all
    select 'stg_health_checkup' as step, (select count(*) from src_health_checkup) as expected, (select count(*) from stg_health_checkup) as actual
    union all
    select 'fct_health_checkup', (select count(*) from stg_health_checkup), (select count(*) from fct_health_checkup)
    union all
    select 'stg_living_status' as step, (select count(*) from src_living_status) as expected, (select count(*) from stg_living_status) as actual
    union all
    select 'fct_living_status', (select count(*) from stg_living_status), (select count(*) from fct_living_status)
    union all
    select 'stg_accident_insurance' as step, (select count(*) from src_accident_insurance) as expected, (select count(*) from stg_accident_insurance) as actual
    union all
    select 'fct_insurance_enrollment', (select count(*) from stg_accident_insurance), (select count(*) from fct_insurance_enrollment)
),

final as (
    select * from counts where expected <> actual
)

select * from final
