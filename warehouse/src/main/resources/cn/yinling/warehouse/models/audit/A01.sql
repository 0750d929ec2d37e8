-- A01 身故后仍发放补贴: an allowance for a pay_month later than the month of the person's earliest recorded death, from
-- any source (int_audit_death); a payment for the month of death itself is normal. One finding per payment, its amount
-- the payment's. A payment is identified by its allowance type and unit: a unit's batch in force holds one row per
-- person, type and month (landing refuses a second), so no batch id is needed and a re-sent batch keeps the finding.
with

payments as (
    select * from fct_allowance_payment
),

deaths as (
    select * from int_audit_death
),

units as (
    select * from int_audit_unit
),

types as (
    select * from code_label where code_list = 'allowance_type'
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
        t.label as type_label,
        coalesce(u.unit_name, a.unit) as unit_name
    from after_death as a
    left join types as t on t.code = a.allowance_type
    left join units as u on u.unit = a.unit
),

final as (
    select
        pay_month as month,
        person_key,
        cast(null as string) as order_id,
        region_code,
        amount,
        concat('死亡日期', cast(death_date as string), '(', death_source_labels, ')；发放年月',
            date_format(pay_month, 'yyyy-MM'), '；补贴类别', type_label, '；发放金额', cast(amount as string),
            '元；发放单位', unit_name) as evidence,
        to_json(named_struct(
            'death_date', cast(death_date as string),
            'death_sources', death_sources,
            'pay_month', date_format(pay_month, 'yyyy-MM'),
            'allowance_type', allowance_type,
            'amount', amount,
            'unit', unit)) as evidence_json,
        concat_ws('|', allowance_type, unit) as case_key,
        batch_id,
        source_row
    from described
)

select * from final
