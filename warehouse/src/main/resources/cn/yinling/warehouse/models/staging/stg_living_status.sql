-- Living-status surveys (老年人居住状况), one row per accepted row. Hardship stays as the contract stores it
-- (codes joined with ','); 无 arrives either as an empty cell (null) or as the code none.
with

source as (
    select * from src_living_status
),

final as (
    select
        person_key(id_number) as person_key,
        living_arrangement,
        hardship,
        survey_date,
        trunc(survey_date, 'MM') as survey_month,
        cast(period as int) as survey_year,
        rpad(substr(split_part(unit, ':', 2), 1, 4), 12, '0') as reporting_city_code,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
