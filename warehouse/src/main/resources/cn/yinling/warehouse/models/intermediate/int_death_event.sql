-- Every recorded death, whatever its source: the death feed (registry, certificate, cremation) and household
-- snapshots that show status 死亡 with its 变动日期.
with

death_feed as (
    select * from stg_death
),

household as (
    select * from stg_household
),

reported as (
    select
        person_key,
        death_date,
        source,
        id_birth_date as birth_date,
        id_sex as sex,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        batch_id
    from death_feed
),

registry_status as (
    select
        person_key,
        status_date as death_date,
        'household_status' as source,
        birth_date,
        sex,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        batch_id
    from household
    where status = 'deceased' and status_date is not null
),

final as (
    select * from reported
    union all
    select * from registry_status
)

select * from final
