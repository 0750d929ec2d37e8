-- Every fct_population_month.month exists in dim_month.month: returns the orphans.
with

child as (
    select month as ref from fct_population_month where month is not null
),

parent as (
    select month as ref from dim_month
),

final as (
    select c.ref, count(*) as orphan_rows
    from child as c
    left anti join parent as p on p.ref = c.ref
    group by c.ref
)

select * from final
