-- 老年人家庭医生签约率: alive 65+ whose latest checkup of the last 12 months says 签约 / alive 65+.
with

counts as (
    select * from int_population_counts
),

final as (
    select
        region_code,
        month,
        cast(null as string) as breakdown,
        cast(family_doctor_65 as double) as numerator,
        cast(pop_65 as double) as denominator
    from counts
)

select * from final
