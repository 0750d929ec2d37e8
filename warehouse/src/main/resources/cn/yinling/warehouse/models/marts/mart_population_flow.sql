-- Entries into and exits from the alive register other than deaths, by district, month, single year of age at
-- that month's end (100 = 100 and over), sex and flow, read from dim_person's history (SCD2 on region and status).
-- A change counts in the first snapshot month that shows it:
--   birth         first registration aged 0
--   move_in       first registration aged 1 or more, or a return from 迁出/注销 to 正常
--   move_out      正常 → 迁出 or 注销 (leaving the city's register)
--   transfer_in / transfer_out   正常 in both versions but another district (a move within the city)
-- Nothing is observable in the first month of the spine (everyone is new there), so it has no rows.
with

persons as (
    select * from dim_person
),

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

first_month as (
    select min(month) as month from months
),

changed_persons as (
    -- A person registered from the spine's first month on with one version and no change shows no flow: most of the
    -- register. Only the others need the window below (all versions of a person are kept or dropped together).
    select p.*
    from persons as p
    cross join first_month as f
    where not (p.version = 1 and p.is_current and p.valid_from = f.month)
),

versions as (
    select
        p.person_key,
        p.sex,
        p.birth_date,
        p.valid_from as month,
        m.month_end,
        p.status,
        r.district_code,
        lag(p.status) over (partition by p.person_key order by p.valid_from) as previous_status,
        lag(r.district_code) over (partition by p.person_key order by p.valid_from) as previous_district
    from changed_persons as p
    join months as m on m.month = p.valid_from
    left join regions as r on r.region_code = p.region_code
),

observable as (
    select
        v.*,
        age_at(v.birth_date, v.month_end) as age,
        previous_status = 'active' and status = 'active' and previous_district <> district_code as is_transfer
    from versions as v
    cross join first_month as f
    where v.month > f.month
),

classified as (
    -- the flows below exclude one another, except that a transfer is both an exit (transfer_out) and an entry
    select
        *,
        case
            when previous_status is null and status = 'active' then case when age = 0 then 'birth' else 'move_in' end
            when previous_status in ('moved_out', 'cancelled') and status = 'active' then 'move_in'
            when previous_status = 'active' and status in ('moved_out', 'cancelled') then 'move_out'
            when is_transfer then 'transfer_out'
        end as first_flow
    from observable
),

events as (
    -- one pass over the versions: each yields its flow and, for a transfer, the entry into the new district
    select e.region_code, c.month, c.age, c.sex, e.flow
    from classified as c
    lateral view stack(
        2,
        case when c.first_flow in ('move_out', 'transfer_out') then c.previous_district else c.district_code end,
        c.first_flow,
        c.district_code,
        case when c.is_transfer then 'transfer_in' end
    ) e as region_code, flow
    where e.flow is not null
),

final as (
    select
        region_code,
        month,
        cast(least(greatest(age, 0), 100) as int) as age,
        sex,
        flow,
        count(*) as persons
    from events
    where region_code is not null
    group by region_code, month, least(greatest(age, 0), 100), sex, flow
)

select * from final
