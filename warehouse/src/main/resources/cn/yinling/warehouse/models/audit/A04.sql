-- A04 补贴档次与年龄不符: a longevity allowance whose tier does not fit the age in whole years at the pay month's last day
-- (高龄津贴(80-89岁) 80–89, 高龄津贴(90-99岁) 90–99, 百岁老人长寿补贴 100+). The birth date is the ID number's, which landing
-- has checked against the register's, so a person the register does not list is checked too. A birthday on the
-- month's last day counts (80 on 31 January: longevity_80 for January is right). One finding per payment.
with

payments as (
    select * from fct_allowance_payment
),

staged as (
    select batch_id, source_row, id_birth_date from stg_allowance
),

units as (
    select * from int_audit_unit
),

types as (
    select * from code_label where code_list = 'allowance_type'
),

aged as (
    select
        p.*,
        s.id_birth_date as birth_date,
        last_day(p.pay_month) as month_end,
        age_at(s.id_birth_date, last_day(p.pay_month)) as age_at_month_end
    from payments as p
    join staged as s on s.batch_id = p.batch_id and s.source_row = p.source_row
    where p.is_longevity
),

mismatched as (
    select
        *,
        case allowance_type
            when 'longevity_80' then '80–89岁'
            when 'longevity_90' then '90–99岁'
            else '100岁及以上'
        end as tier_ages
    from aged
    where (allowance_type = 'longevity_80' and age_at_month_end not between 80 and 89)
       or (allowance_type = 'longevity_90' and age_at_month_end not between 90 and 99)
       or (allowance_type = 'centenarian' and age_at_month_end < 100)
),

final as (
    select
        m.pay_month as month,
        m.person_key,
        cast(null as string) as order_id,
        m.region_code,
        m.amount,
        concat('出生日期', cast(m.birth_date as string), '；发放月末(', cast(m.month_end as string), ')年龄',
            cast(m.age_at_month_end as string), '岁；补贴类别', coalesce(t.label, m.allowance_type), '（应为',
            m.tier_ages, '）；发放金额', cast(m.amount as string), '元；发放单位', coalesce(u.unit_name, m.unit))
            as evidence,
        to_json(named_struct(
            'birth_date', cast(m.birth_date as string),
            'month_end', cast(m.month_end as string),
            'age', m.age_at_month_end,
            'allowance_type', m.allowance_type,
            'amount', m.amount,
            'unit', m.unit)) as evidence_json,
        concat_ws('|', m.allowance_type, m.unit) as case_key,
        m.batch_id,
        m.source_row
    from mismatched as m
    left join types as t on t.code = m.allowance_type
    left join units as u on u.unit = m.unit
)

select * from final
