-- Where each person of an event feed is registered in the month of the event: one row per (person, month) that any
-- person feed mentions and the household snapshot in force at that month's end lists. The facts attribute their
-- rows through this small table instead of each joining the whole person-month table. Read from the person rows per
-- set of months (int_person_snapshot) rather than int_person_month: the join then shuffles a row per person and
-- snapshot, not one per person and month. In buckets by person_key, so the facts' joins by person and month
-- shuffle only their own rows.
-- materialized: table
-- clustered_by: person_key
with

persons as (
    select * from int_person_snapshot
),

month_sets as (
    select distinct month, month_end, set_month from int_household_snapshot_set
),

year_months as (
    select * from int_year_month
),

allowance as (
    select * from stg_allowance
),

pension as (
    select * from stg_pension
),

ltc_benefit as (
    select * from stg_ltc_benefit
),

service_order as (
    select * from stg_service_order
),

care_visit as (
    select * from stg_care_visit
),

health_checkup as (
    select * from stg_health_checkup
),

living_status as (
    select * from stg_living_status
),

death as (
    select * from stg_death
),

accident_insurance as (
    select * from stg_accident_insurance
),

event_mentions as (
    select person_key, pay_month as month from allowance
    union all
    select person_key, pay_month from pension
    union all
    select person_key, benefit_month from ltc_benefit
    union all
    select person_key, order_month from service_order
    union all
    select person_key, visit_month from care_visit
    union all
    select person_key, exam_month from health_checkup
    union all
    select person_key, survey_month from living_status
    union all
    select person_key, trunc(death_date, 'MM') from death
    union all
    select i.person_key, y.month from accident_insurance as i join year_months as y on y.year = i.policy_year
),

by_person as (
    -- sent once to the partition of the person's bucket in int_person_snapshot: the distinct below and the join with
    -- the register then need no shuffle of their own
    select /*+ REPARTITION(person_key) */ * from event_mentions
),

event_months as (
    select distinct person_key, month from by_person
),

in_month_set as (
    select /*+ BROADCAST(m) */ e.person_key, e.month, m.month_end, m.set_month
    from event_months as e
    join month_sets as m on m.month = e.month
),

final as (
    -- the event months are hashed and the register's rows streamed past them, which spares sorting both
    select /*+ SHUFFLE_HASH(e) */
        e.person_key,
        e.month,
        p.region_code,
        age_at(p.birth_date, e.month_end) as age,
        is_alive_at(p.status, p.death_date, e.month_end) as is_alive,
        p.status
    from in_month_set as e
    join persons as p on p.person_key = e.person_key and p.set_month = e.set_month
)

select * from final
