-- Basic pension payments (基本养老金发放), one row per accepted row. In buckets by person_key, as
-- int_event_registration is, so fct_pension_payment's join by person and month shuffles neither side.
-- materialized: table
-- clustered_by: person_key
with

source as (
    select * from src_pension
),

final as (
    select
        person_key(id_number) as person_key,
        pay_month,
        scheme,
        amount,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
