-- 疑似违规发放金额: the payments with a finding of an audit rule the catalog marks improper (rules.json: A01 身故后仍发放补贴,
-- A04 补贴档次与年龄不符, A05 重复发放), each payment once however many of those rules it breaks, in the region and month
-- the finding is attributed to.
with

findings as (
    select * from audit_finding
),

rules as (
    select * from audit_rule
),

improper_payments as (
    select distinct f.batch_id, f.source_row, f.region_code, f.month, f.amount
    from findings as f
    join rules as r on r.rule = f.rule
    where r.improper
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(sum(amount) as double) as numerator,
        cast(null as double) as denominator
    from improper_payments
    group by region_code, month
)

select * from final
