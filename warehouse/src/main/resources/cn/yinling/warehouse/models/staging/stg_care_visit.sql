-- Visits to elders in special hardship (特殊困难老年人探访), one row per accepted row. 发现问题 is free text a
-- visitor may fill with names or addresses: only whether something was found goes further.
with

source as (
    select * from src_care_visit
),

final as (
    select
        person_key(id_number) as person_key,
        visit_date,
        trunc(visit_date, 'MM') as visit_month,
        mode,
        finding is not null and trim(finding) <> '' as has_finding,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
