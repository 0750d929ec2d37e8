-- The living status in force for each person and month (kpis.md): the person's latest survey dated in the last 12
-- months, i.e. the twelve calendar months ending with the month. A survey older than that no longer counts.
-- In buckets by person_key, as the person-months are, so fct_population_month's join shuffles neither side.
-- materialized: table
-- clustered_by: person_key
with

surveys as (
    select * from fct_living_status
),

months as (
    select * from dim_month
),

in_window as (
    select m.month, s.*
    from surveys as s
    join months as m on m.month >= s.survey_month and m.month <= add_months(s.survey_month, 11)
),

by_person as (
    -- sent once to the partition of the person's bucket: the window below needs no shuffle of its own
    select /*+ REPARTITION(person_key) */ * from in_window
),

latest as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by person_key, month
                order by survey_date desc, batch_id desc, source_row
            ) as recency
        from by_person
    )
    where recency = 1
),

final as (
    select
        person_key,
        month,
        survey_date,
        living_arrangement,
        hardship,
        is_living_alone,
        is_empty_nest,
        has_hardship,
        has_disabled_hardship,
        is_special_hardship
    from latest
)

select * from final
