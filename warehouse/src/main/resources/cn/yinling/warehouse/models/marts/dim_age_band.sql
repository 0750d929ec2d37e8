-- Age bands of the population pyramid and the KPIs (architecture.md): 0–14, 15–59, then five-year bands, 100+.
with

bands as (
    select * from values
        ('0-14', 0, 14, 1, '0-14岁'),
        ('15-59', 15, 59, 2, '15-59岁'),
        ('60-64', 60, 64, 3, '60-64岁'),
        ('65-69', 65, 69, 4, '65-69岁'),
        ('70-74', 70, 74, 5, '70-74岁'),
        ('75-79', 75, 79, 6, '75-79岁'),
        ('80-84', 80, 84, 7, '80-84岁'),
        ('85-89', 85, 89, 8, '85-89岁'),
        ('90-94', 90, 94, 9, '90-94岁'),
        ('95-99', 95, 99, 10, '95-99岁'),
        ('100+', 100, cast(null as int), 11, '100岁及以上')
        as bands(age_band, min_age, max_age, sort_order, label)
),

final as (
    select
        age_band,
        cast(min_age as int) as min_age,
        cast(max_age as int) as max_age,
        cast(sort_order as int) as sort_order,
        label,
        min_age >= 60 as is_elderly
    from bands
)

select * from final
