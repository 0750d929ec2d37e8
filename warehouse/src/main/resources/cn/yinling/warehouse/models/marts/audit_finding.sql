-- The findings of every audit rule (audit/<code>.sql, tagged with its code in int_audit_union), in the months of the
-- spine, with the ancestors of the region each case is attributed to (as the KPIs attribute it: registered region at
-- the month's end, else the event's own region, else the city). finding_id is the first 32 hex digits of the SHA-256
-- of rule|month|person_key|order_id|case_key, where case_key holds what else tells the case apart (a payment's
-- allowance type or scheme and unit, an order's unit): the same case keeps its id in every later version, also when
-- an identical batch is sent again. batch_id and source_row point at the row a unit sent (null for A06).
with

findings as (
    select * from int_audit_union
),

months as (
    select * from dim_month
),

regions as (
    select * from dim_region
),

in_spine as (
    select f.*
    from findings as f
    join months as m on m.month = f.month
),

final as (
    select
        substr(sha2(concat_ws('|', f.rule, date_format(f.month, 'yyyy-MM'), coalesce(f.person_key, ''),
            coalesce(f.order_id, ''), coalesce(f.case_key, '')), 256), 1, 32) as finding_id,
        f.rule,
        f.month,
        f.person_key,
        f.order_id,
        f.region_code,
        cast(r.level as int) as region_level,
        r.city_code,
        r.district_code,
        r.street_code,
        r.community_code,
        f.amount,
        f.evidence,
        f.evidence_json,
        f.case_key,
        f.batch_id,
        f.source_row
    from in_spine as f
    left join regions as r on r.region_code = f.region_code
)

select * from final
