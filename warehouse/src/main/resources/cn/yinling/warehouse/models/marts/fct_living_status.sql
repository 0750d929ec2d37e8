-- Living-status surveys, one row per accepted row (a fact rather than SCD2 columns of dim_person: a survey is an
-- observation that stays in force for 12 months, see int_living_status_in_force). Attributed to where the person is
-- registered at the end of the survey month; a person the register does not list counts at city level only.
with

surveys as (
    select * from stg_living_status
),

registrations as (
    select * from int_event_registration
),

flagged as (
    select
        *,
        coalesce(array_except(split(hardship, ','), array('none')), cast(array() as array<string>)) as hardship_codes
    from surveys
),

attributed as (
    -- the events are hashed by person and month and int_event_registration is streamed past them: no sort
    -- of all the registrations for each fact
    select /*+ SHUFFLE_HASH(s) */
        s.person_key,
        s.survey_date,
        s.survey_month,
        s.survey_year,
        s.living_arrangement,
        s.hardship,
        s.living_arrangement = 'alone' as is_living_alone,
        s.living_arrangement = 'empty_nest' as is_empty_nest,
        size(s.hardship_codes) > 0 as has_hardship,
        array_contains(s.hardship_codes, 'disabled') as has_disabled_hardship,
        s.living_arrangement in ('alone', 'empty_nest') or size(s.hardship_codes) > 0 as is_special_hardship,
        coalesce(r.region_code, s.reporting_city_code) as region_code,
        r.region_code is not null as is_registered,
        s.unit,
        s.batch_id,
        s.source_row
    from flagged as s
    left join registrations as r on r.person_key = s.person_key and r.month = s.survey_month
),

final as (
    select * from attributed
)

select * from final
