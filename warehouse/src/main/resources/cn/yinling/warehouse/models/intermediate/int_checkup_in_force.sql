-- The latest health checkup of each person in the last 12 months (the twelve calendar months ending with the
-- month): whether checked at all, and what that latest checkup found. A checkup 13 months old no longer counts.
-- In buckets by person_key, as the person-months are, so fct_population_month's join shuffles neither side.
-- materialized: table
-- clustered_by: person_key
with

checkups as (
    select * from fct_health_checkup
),

months as (
    select * from dim_month
),

in_window as (
    select m.month, c.*
    from checkups as c
    join months as m on m.month >= c.exam_month and m.month <= add_months(c.exam_month, 11)
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
                order by exam_date desc, batch_id desc, source_row
            ) as recency
        from by_person
    )
    where recency = 1
),

final as (
    select
        person_key,
        month,
        exam_date,
        self_care,
        is_dependent,
        coalesce(hypertension, false) as has_hypertension,
        coalesce(diabetes, false) as has_diabetes,
        coalesce(family_doctor, false) as has_family_doctor
    from latest
)

select * from final
