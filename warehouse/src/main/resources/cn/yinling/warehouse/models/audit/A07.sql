-- A07 户籍迁出后仍发放: an allowance for a pay month later than the month in which the person's household status became
-- 迁出 or 注销 (its 变动日期, from the register's history dim_person), unless a later snapshot shows the person 正常
-- again by the pay month (they came back). A move within the city keeps the status 正常 and is no finding. One
-- finding per payment (identified by type and unit), its amount the payment's.
with

payments as (
    select * from fct_allowance_payment
),

persons as (
    select * from dim_person
),

units as (
    select * from int_audit_unit
),

statuses as (
    select * from code_label where code_list = 'household_status'
),

types as (
    select * from code_label where code_list = 'allowance_type'
),

departures as (
    select
        person_key,
        version,
        status,
        coalesce(status_date, valid_from) as change_date
    from persons
    where status in ('moved_out', 'cancelled')
),

returns as (
    select d.person_key, d.version, min(p.valid_from) as returned_from
    from departures as d
    join persons as p on p.person_key = d.person_key and p.version > d.version and p.status = 'active'
    group by d.person_key, d.version
),

paid_after as (
    select
        p.*,
        d.status,
        d.change_date,
        row_number() over (partition by p.batch_id, p.source_row order by d.change_date desc, d.version desc)
            as latest
    from payments as p
    join departures as d on d.person_key = p.person_key
    left join returns as r on r.person_key = d.person_key and r.version = d.version
    where p.pay_month > trunc(d.change_date, 'MM')
      and (r.returned_from is null or p.pay_month < r.returned_from)
),

final as (
    select
        a.pay_month as month,
        a.person_key,
        cast(null as string) as order_id,
        a.region_code,
        a.amount,
        concat('户籍状态', coalesce(s.label, a.status), '，变动日期', cast(a.change_date as string), '；发放年月',
            date_format(a.pay_month, 'yyyy-MM'), '；补贴类别', coalesce(t.label, a.allowance_type), '；发放金额',
            cast(a.amount as string), '元；发放单位', coalesce(u.unit_name, a.unit)) as evidence,
        to_json(named_struct(
            'household_status', a.status,
            'status_date', cast(a.change_date as string),
            'pay_month', date_format(a.pay_month, 'yyyy-MM'),
            'allowance_type', a.allowance_type,
            'amount', a.amount,
            'unit', a.unit)) as evidence_json,
        concat_ws('|', a.allowance_type, a.unit) as case_key,
        a.batch_id,
        a.source_row
    from paid_after as a
    left join statuses as s on s.code = a.status
    left join types as t on t.code = a.allowance_type
    left join units as u on u.unit = a.unit
    where a.latest = 1
)

select * from final
