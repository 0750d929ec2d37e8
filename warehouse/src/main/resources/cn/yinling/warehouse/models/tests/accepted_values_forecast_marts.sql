-- The forecast's input marts hold single years 0–100, sexes M/F, flows of the documented list, positive counts
-- and district codes of dim_region. Returns the offending rows.
with

population as (
    select 'mart_population_age' as mart, region_code, age, sex, cast(null as string) as flow, population as persons
    from mart_population_age
),

deaths as (
    select 'mart_death_age', region_code, age, sex, cast(null as string), deaths
    from mart_death_age
),

flows as (
    select 'mart_population_flow', region_code, age, sex, flow, persons
    from mart_population_flow
),

districts as (
    select region_code from dim_region where level = 3
),

combined as (
    select * from population
    union all
    select * from deaths
    union all
    select * from flows
),

final as (
    select c.*
    from combined as c
    left join districts as d on d.region_code = c.region_code
    where d.region_code is null
       or c.age < 0 or c.age > 100
       or c.sex not in ('M', 'F')
       or c.persons <= 0
       or (c.mart = 'mart_population_flow'
           and (c.flow is null or c.flow not in ('birth', 'move_in', 'move_out', 'transfer_in', 'transfer_out')))
)

select * from final
