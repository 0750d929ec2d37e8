-- The month an annual record (an insurance year, a survey year) is placed at: the latest month of its year that
-- the month spine covers, i.e. the year's end once December has been loaded.
with

months as (
    select * from dim_month
),

final as (
    select year, max(month) as month
    from months
    group by year
)

select * from final
