-- Annual health checkups of the 65+ (老年人健康管理), one row per accepted row.
with

source as (
    select * from src_health_checkup
),

final as (
    select
        person_key(id_number) as person_key,
        exam_date,
        trunc(exam_date, 'MM') as exam_month,
        self_care,
        hypertension,
        diabetes,
        family_doctor,
        institution_code,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
