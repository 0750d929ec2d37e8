-- Row counts agree between steps: every accepted row reaches the staging tables (stg_household is a view of the
-- landing rows, so it is not counted); every person with a death record has one fct_death row; every person the
-- register lists has a dim_person history (counted by its first versions; the persons are counted in
-- int_person_snapshot, which lies in buckets by person_key, so the distinct needs no shuffle); mart_kpi has exactly
-- the spine of KPIs × regions of their levels × months × breakdowns.
with

counts as (
    select 'stg_death' as step, (select count(*) from src_death) as expected, (select count(*) from stg_death) as actual
    union all
    select 'stg_facility', (select count(*) from src_facility), (select count(*) from stg_facility)
    union all
    select 'fct_death', (select count(distinct person_key) from int_death_event), (select count(*) from fct_death)
    union all
    select 'dim_person', (select count(distinct person_key) from int_person_snapshot), (select count(*) from dim_person where version = 1)
    union all
    select 'dim_facility', (select count(distinct facility_code) from stg_facility), (select count(distinct facility_code) from dim_facility)
    union all
    select 'mart_kpi',
        (select count(*)
         from kpi_catalog as c
         join kpi_breakdown as b on b.kpi_code = c.kpi_code
         join dim_region as r on array_contains(c.levels, r.level)
         cross join dim_month as m),
        (select count(*) from mart_kpi)
),

final as (
    select * from counts where expected <> actual
)

select * from final
