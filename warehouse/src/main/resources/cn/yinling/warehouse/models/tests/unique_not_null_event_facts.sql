-- Key of every event fact (batch_id, source_row: one row per accepted row) is unique and never null, and each row
-- has a person, an attribution region, its month and the registry match flag: returns the offending rows.
with

final as (
    select 'fct_allowance_payment' as model, batch_id, source_row, count(*) as copies
    from fct_allowance_payment
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_allowance_payment', batch_id, source_row, 1
    from fct_allowance_payment
    where person_key is null or region_code is null or pay_month is null or is_registered is null
    union all
    select 'fct_pension_payment' as model, batch_id, source_row, count(*) as copies
    from fct_pension_payment
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_pension_payment', batch_id, source_row, 1
    from fct_pension_payment
    where person_key is null or region_code is null or pay_month is null or is_registered is null
    union all
    select 'fct_ltc_benefit' as model, batch_id, source_row, count(*) as copies
    from fct_ltc_benefit
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_ltc_benefit', batch_id, source_row, 1
    from fct_ltc_benefit
    where person_key is null or region_code is null or benefit_month is null or is_registered is null
    union all
    select 'fct_service_order' as model, batch_id, source_row, count(*) as copies
    from fct_service_order
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_service_order', batch_id, source_row, 1
    from fct_service_order
    where person_key is null or region_code is null or order_month is null or is_registered is null
    union all
    select 'fct_care_visit' as model, batch_id, source_row, count(*) as copies
    from fct_care_visit
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_care_visit', batch_id, source_row, 1
    from fct_care_visit
    where person_key is null or region_code is null or visit_month is null or is_registered is null
    union all
    select 'fct_health_checkup' as model, batch_id, source_row, count(*) as copies
    from fct_health_checkup
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_health_checkup', batch_id, source_row, 1
    from fct_health_checkup
    where person_key is null or region_code is null or exam_month is null or is_registered is null
    union all
    select 'fct_living_status' as model, batch_id, source_row, count(*) as copies
    from fct_living_status
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_living_status', batch_id, source_row, 1
    from fct_living_status
    where person_key is null or region_code is null or survey_month is null or is_registered is null
    union all
    select 'fct_insurance_enrollment' as model, batch_id, source_row, count(*) as copies
    from fct_insurance_enrollment
    group by batch_id, source_row
    having count(*) > 1 or batch_id is null or source_row is null
    union all
    select 'fct_insurance_enrollment', batch_id, source_row, 1
    from fct_insurance_enrollment
    where person_key is null or region_code is null or policy_year is null or is_registered is null
)

select * from final
