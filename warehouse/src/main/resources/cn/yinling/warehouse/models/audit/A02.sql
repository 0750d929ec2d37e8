-- A02 身故后仍发放养老金: a pension for a pay_month later than the month of the person's earliest recorded death (any
-- source); the month of death itself is normal. One finding per payment, identified by scheme and unit (a unit's
-- batch holds one row per person, scheme and month), its amount the payment's.
with

payments as (
    select * from fct_pension_payment
),

deaths as (
    select * from int_audit_death
),

units as (
    select * from int_audit_unit
),

schemes as (
    select * from code_label where code_list = 'pension_scheme'
),

after_death as (
    select
        p.*,
        d.death_date,
        d.sources as death_sources,
        d.source_labels as death_source_labels
    from payments as p
    join deaths as d on d.person_key = p.person_key
    where p.pay_month > d.death_month
),

described as (
    select
        a.*,
        s.label as scheme_label,
        coalesce(u.unit_name, a.unit) as unit_name
    from after_death as a
    left join schemes as s on s.code = a.scheme
    left join units as u on u.unit = a.unit
),

final as (
    select
        pay_month as month,
        person_key,
        cast(null as string) as order_id,
        region_code,
        amount,
        concat('死亡日期', cast(death_date as string), '(', death_source_labels, ')；养老金发放年月',
            date_format(pay_month, 'yyyy-MM'), '；险种', scheme_label, '；发放金额', cast(amount as string),
            '元；发放单位', unit_name) as evidence,
        to_json(named_struct(
            'death_date', cast(death_date as string),
            'death_sources', death_sources,
            'pay_month', date_format(pay_month, 'yyyy-MM'),
            'scheme', scheme,
            'amount', amount,
            'unit', unit)) as evidence_json,
        concat_ws('|', scheme, unit) as case_key,
        batch_id,
        source_row
    from described
)

select * from final
