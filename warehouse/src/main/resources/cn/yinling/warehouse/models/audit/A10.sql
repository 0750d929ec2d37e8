-- A10 入住机构仍领居家补贴: a home-care allowance (居家养老服务补贴) paid for a month whose living status in force (the
-- person's latest survey dated in the twelve calendar months ending with the pay month, int_living_status_in_force)
-- is 入住养老机构. One finding per payment (identified by unit), its amount the payment's.
with

payments as (
    select * from fct_allowance_payment where allowance_type = 'home_care'
),

living_status as (
    select * from int_living_status_in_force
),

units as (
    select * from int_audit_unit
),

in_institution as (
    select p.*, s.survey_date
    from payments as p
    join living_status as s on s.person_key = p.person_key and s.month = p.pay_month
    where s.living_arrangement = 'in_institution'
),

final as (
    select
        i.pay_month as month,
        i.person_key,
        cast(null as string) as order_id,
        i.region_code,
        i.amount,
        concat('居住状况入住养老机构（调查日期', cast(i.survey_date as string), '）；发放年月',
            date_format(i.pay_month, 'yyyy-MM'), '；补贴类别居家养老服务补贴；发放金额', cast(i.amount as string),
            '元；发放单位', coalesce(u.unit_name, i.unit)) as evidence,
        to_json(named_struct(
            'living_arrangement', 'in_institution',
            'survey_date', cast(i.survey_date as string),
            'pay_month', date_format(i.pay_month, 'yyyy-MM'),
            'allowance_type', i.allowance_type,
            'amount', i.amount,
            'unit', i.unit)) as evidence_json,
        concat_ws('|', i.allowance_type, i.unit) as case_key,
        i.batch_id,
        i.source_row
    from in_institution as i
    left join units as u on u.unit = i.unit
)

select * from final
