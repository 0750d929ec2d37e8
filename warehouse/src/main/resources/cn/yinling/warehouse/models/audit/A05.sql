-- A05 重复发放: the same person, allowance type and pay month paid more than once, by any units. The payment received
-- first (the earliest batch, then its row) is taken as the one due; every later one is a finding with its own amount.
-- A unit's batch in force holds one row per person, type and month, so the unit identifies the payment.
with

payments as (
    select * from fct_allowance_payment
),

units as (
    select * from int_audit_unit
),

types as (
    select * from code_label where code_list = 'allowance_type'
),

named as (
    select p.*, coalesce(u.unit_name, p.unit) as unit_name
    from payments as p
    left join units as u on u.unit = p.unit
),

numbered as (
    select
        *,
        row_number() over (partition by person_key, allowance_type, pay_month order by batch_id, source_row) as ordinal,
        count(*) over (partition by person_key, allowance_type, pay_month) as copies
    from named
),

repeated as (
    select * from numbered where copies > 1
),

all_payments as (
    select
        person_key,
        allowance_type,
        pay_month,
        array_join(transform(array_sort(collect_list(struct(ordinal, unit_name, amount))),
            x -> concat(x.unit_name, cast(x.amount as string), '元')), '、') as listed,
        transform(array_sort(collect_list(struct(ordinal, unit, amount))),
            x -> named_struct('unit', x.unit, 'amount', x.amount)) as listed_json
    from repeated
    group by person_key, allowance_type, pay_month
),

final as (
    select
        r.pay_month as month,
        r.person_key,
        cast(null as string) as order_id,
        r.region_code,
        r.amount,
        concat('发放年月', date_format(r.pay_month, 'yyyy-MM'), '；补贴类别', coalesce(t.label, r.allowance_type),
            '；同月共发放', cast(r.copies as string), '笔：', a.listed, '；本条为第', cast(r.ordinal as string), '笔（',
            r.unit_name, cast(r.amount as string), '元）') as evidence,
        to_json(named_struct(
            'pay_month', date_format(r.pay_month, 'yyyy-MM'),
            'allowance_type', r.allowance_type,
            'payments', a.listed_json,
            'ordinal', r.ordinal,
            'unit', r.unit,
            'amount', r.amount)) as evidence_json,
        concat_ws('|', r.allowance_type, r.unit) as case_key,
        r.batch_id,
        r.source_row
    from repeated as r
    join all_payments as a
        on a.person_key = r.person_key and a.allowance_type = r.allowance_type and a.pay_month = r.pay_month
    left join types as t on t.code = r.allowance_type
    where r.ordinal > 1
)

select * from final
