-- Region hierarchy, levels 1–5, with the 12-digit ancestor at each level (null above the row's own level). The
-- statistical code's digits prefix its descendants' codes, so the ancestors are prefixes padded with zeros.
with

regions as (
    select * from stg_region
),

final as (
    select
        region_code,
        name,
        level,
        parent_code,
        urban_rural_code,
        case
            when urban_rural_code like '1%' then 'urban'
            when urban_rural_code like '2%' then 'rural'
        end as urban_rural,
        case when level >= 2 then rpad(substr(region_code, 1, 4), 12, '0') end as city_code,
        case when level >= 3 then rpad(substr(region_code, 1, 6), 12, '0') end as district_code,
        case when level >= 4 then rpad(substr(region_code, 1, 9), 12, '0') end as street_code,
        case when level = 5 then region_code end as community_code,
        registry_year
    from regions
)

select * from final
