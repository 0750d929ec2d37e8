-- Allowance payments (高龄津贴及养老补贴发放), one row per accepted row. The payment's own region code (6, 9 or 12
-- digits, stored padded to 12) is kept: it places a person the register does not know. The birth date in the ID
-- number (the register's own, which landing checks) gives the age the audit rule A04 checks the tier against.
with

source as (
    select * from src_allowance
),

final as (
    select
        person_key(id_number) as person_key,
        to_date(substr(id_number, 7, 8), 'yyyyMMdd') as id_birth_date,
        pay_month,
        allowance_type,
        amount,
        region_code as payment_region_code,
        pay_method,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
