-- Long-term care insurance benefits (长期护理保险待遇), one row per accepted row.
with

source as (
    select * from src_ltc_benefit
),

final as (
    select
        person_key(id_number) as person_key,
        benefit_month,
        disability_level,
        mode,
        amount,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
