-- One row per deceased person: the first recorded death date over all sources, the sources that reported it, and
-- the region the person is attributed to: the latest household snapshot at or before the death month that lists
-- the person (else the earliest later one); a person the register never listed counts at city level only, with age
-- from the birth date in the ID number.
with

events as (
    select * from int_death_event
),

household as (
    select * from stg_household
),

first_death as (
    select
        person_key,
        min(death_date) as death_date,
        array_join(sort_array(collect_set(source)), ',') as sources,
        count(distinct source) as source_count,
        count(*) as record_count,
        min(birth_date) as id_birth_date,
        min(sex) as id_sex,
        min(reporting_city_code) as reporting_city_code
    from events
    group by person_key
),

registrations as (
    -- the deceased are few: sent to every task of the register, so only their snapshot rows reach the window's
    -- shuffle instead of the whole register
    select /*+ BROADCAST(d) */
        d.person_key,
        h.region_code,
        h.birth_date,
        h.sex,
        row_number() over (
            partition by d.person_key
            order by
                h.snapshot_month <= trunc(d.death_date, 'MM') desc,
                case when h.snapshot_month <= trunc(d.death_date, 'MM') then h.snapshot_month end desc,
                h.snapshot_month,
                h.batch_id desc,
                h.source_row
        ) as recency
    from first_death as d
    join household as h on h.person_key = d.person_key
),

attributed as (
    select
        d.person_key,
        d.death_date,
        d.sources,
        d.source_count,
        d.record_count,
        r.region_code is not null as is_registered,
        coalesce(r.region_code, d.reporting_city_code) as region_code,
        coalesce(r.birth_date, d.id_birth_date) as birth_date,
        coalesce(r.sex, d.id_sex) as sex
    from first_death as d
    left join registrations as r on r.person_key = d.person_key and r.recency = 1
),

final as (
    select
        person_key,
        death_date,
        trunc(death_date, 'MM') as death_month,
        sources,
        source_count,
        record_count,
        region_code,
        is_registered,
        birth_date,
        sex,
        -- whole years at the death month's last day
        age_at(birth_date, last_day(death_date)) as age_at_month_end
    from attributed
)

select * from final
