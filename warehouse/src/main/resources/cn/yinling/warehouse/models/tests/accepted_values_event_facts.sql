-- Code columns of the event facts hold codes of their lists (feeds.json): returns the offending values.
with

final as (
    select 'fct_allowance_payment.allowance_type' as field, allowance_type as value from fct_allowance_payment
    where allowance_type not in ('longevity_80', 'longevity_90', 'centenarian', 'disability_care', 'home_care', 'low_income')
    union all
    select 'fct_service_order.service_type', service_type from fct_service_order
    where service_type not in ('meal', 'cleaning', 'bathing', 'medical_escort', 'mobility', 'visit', 'companionship',
                               'rehab_care', 'errands')
    union all
    select 'fct_service_order.status', status from fct_service_order
    where status not in ('completed', 'cancelled', 'flagged')
    union all
    select 'fct_health_checkup.self_care', self_care from fct_health_checkup
    where self_care not in ('independent', 'mild', 'moderate', 'dependent')
    union all
    select 'fct_living_status.living_arrangement', living_arrangement from fct_living_status
    where living_arrangement not in ('alone', 'empty_nest', 'with_children', 'in_institution', 'other')
    union all
    select 'fct_pension_payment.scheme', scheme from fct_pension_payment
    where scheme not in ('enterprise', 'public_sector', 'resident')
    union all
    select 'fct_ltc_benefit.disability_level', disability_level from fct_ltc_benefit
    where disability_level not in ('mild', 'moderate', 'severe')
    union all
    select 'fct_care_visit.mode', mode from fct_care_visit
    where mode not in ('in_person', 'phone', 'video')
)

select * from final
