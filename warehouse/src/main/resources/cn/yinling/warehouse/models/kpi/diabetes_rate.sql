-- 老年人糖尿病患病率(体检): checked 65+ whose latest checkup says 糖尿病 = 是 / checked 65+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(diabetes_65 as double) as numerator,
        cast(checked_65 as double) as denominator
    from counts
)

select * from final
