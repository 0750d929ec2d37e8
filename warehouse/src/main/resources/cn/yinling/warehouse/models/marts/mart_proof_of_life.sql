-- Passive proof of life (无感认证, spec/audit.md): one row per longevity-allowance recipient (longevity_80,
-- longevity_90 or centenarian paid for the month, any unit) and month of the spine. auto_verified when another
-- department's data shows the person alive in the 6 calendar months ending with the month (a pension payment, a health
-- checkup, a completed service order, a care visit or an LTC benefit), else needs_visit: the list the street offices
-- visit. The latest such evidence is given with its date (a pension or LTC benefit is dated by its month) and feed.
-- A recipient whose death is on record by the month's end is never auto_verified: earlier evidence cannot prove that
-- the person is alive now. Region: as longevity_recipients attributes the recipient.
with

payments as (
    select * from fct_allowance_payment where is_longevity
),

months as (
    select * from dim_month
),

regions as (
    select * from dim_region
),

deaths as (
    select * from int_audit_death
),

feeds as (
    select * from code_label where code_list = 'feed'
),

pensions as (
    select * from fct_pension_payment
),

checkups as (
    select * from fct_health_checkup
),

orders as (
    select * from fct_service_order
),

visits as (
    select * from fct_care_visit
),

ltc_benefits as (
    select * from fct_ltc_benefit
),

recipients as (
    select p.person_key, p.pay_month as month, min(p.region_code) as region_code
    from payments as p
    join months as m on m.month = p.pay_month
    group by p.person_key, p.pay_month
),

-- on the same day the source ranked first wins
sources as (
    select * from values
        ('pension', 1), ('health_checkup', 2), ('service_order', 3), ('care_visit', 4), ('ltc_benefit', 5)
        as sources(source, source_rank)
),

evidence as (
    select person_key, pay_month as evidence_date, 1 as source_rank from pensions
    union all
    select person_key, exam_date, 2 from checkups
    union all
    select person_key, cast(start_time as date), 3 from orders where is_completed
    union all
    select person_key, visit_date, 4 from visits
    union all
    select person_key, benefit_month, 5 from ltc_benefits
),

evidence_by_person as (
    -- sent once to the partition of the person: the aggregate by person and month and the join with the recipients
    -- below then shuffle only the recipients
    select /*+ REPARTITION(person_key) */ * from evidence
),

-- The latest evidence of each person in each calendar month, so a recipient meets at most six rows. Date and source
-- as one number (days since 1970 × 10 + 9 − rank) whose max is the latest date and, that day, the first source:
-- a plain max is a hash aggregate, where max_by over a struct is sorted on both sides of the shuffle.
latest_per_month as (
    select
        person_key,
        cast(trunc(evidence_date, 'MM') as date) as evidence_month,
        max(unix_date(evidence_date) * 10 + 9 - source_rank) as evidence_key
    from evidence_by_person
    group by person_key, cast(trunc(evidence_date, 'MM') as date)
),

in_window as (
    -- the recipients are hashed and the evidence streamed past them: the evidence is not sorted
    select /*+ SHUFFLE_HASH(r) */
        r.person_key,
        r.month,
        max(e.evidence_key) as evidence_key
    from recipients as r
    join latest_per_month as e
        on e.person_key = r.person_key
        and e.evidence_month between add_months(r.month, -5) and r.month
    group by r.person_key, r.month
),

latest as (
    select
        w.person_key,
        w.month,
        date_from_unix_date(cast(w.evidence_key div 10 as int)) as evidence_date,
        s.source
    from in_window as w
    join sources as s on s.source_rank = 9 - w.evidence_key % 10
),

judged as (
    select
        r.person_key,
        r.month,
        r.region_code,
        cast(add_months(r.month, -5) as date) as window_start,
        last_day(r.month) as month_end,
        w.evidence_date,
        w.source as evidence_source,
        d.death_date,
        d.source_labels as death_source_labels,
        case
            when d.death_date is not null and d.death_date <= last_day(r.month) then 'needs_visit'
            when w.evidence_date is not null then 'auto_verified'
            else 'needs_visit'
        end as status
    from recipients as r
    left join latest as w on w.person_key = r.person_key and w.month = r.month
    left join deaths as d on d.person_key = r.person_key
),

final as (
    select
        j.person_key,
        j.month,
        j.region_code,
        cast(g.level as int) as region_level,
        g.city_code,
        g.district_code,
        g.street_code,
        g.community_code,
        j.status,
        j.evidence_date,
        j.evidence_source,
        concat(
            case
                when j.death_date is not null and j.death_date <= j.month_end
                then concat('已有死亡记录（死亡日期', cast(j.death_date as string), '，', j.death_source_labels,
                    '），不能认证为生存；')
                else ''
            end,
            case
                when j.evidence_date is not null
                then concat('近6个月（', cast(j.window_start as string), '至', cast(j.month_end as string), '）最近记录：',
                    cast(j.evidence_date as string), ' ', coalesce(f.label, j.evidence_source))
                else concat('近6个月（', cast(j.window_start as string), '至', cast(j.month_end as string),
                    '）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录')
            end) as evidence
    from judged as j
    left join regions as g on g.region_code = j.region_code
    left join feeds as f on f.code = j.evidence_source
)

select * from final
