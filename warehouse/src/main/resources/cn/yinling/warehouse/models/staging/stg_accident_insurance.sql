-- Accident insurance enrolments of the 60+ (老年人意外伤害保险, 安康关爱行动), one row per accepted row.
with

source as (
    select * from src_accident_insurance
),

final as (
    select
        person_key(id_number) as person_key,
        policy_year,
        policy_no,
        premium,
        payer,
        enroll_date,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
