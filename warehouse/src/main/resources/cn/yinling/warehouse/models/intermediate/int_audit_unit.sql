-- The Chinese name of every reporting unit for the audit evidence: the name of its scope's region and its
-- department (civil_affairs:320312 → 铜山区民政局); a scope the registry does not know keeps its code.
with

manifests as (
    select * from landing_manifest
),

regions as (
    select * from dim_region
),

departments as (
    select * from code_label where code_list = 'department'
),

units as (
    select distinct unit from manifests
),

final as (
    select
        u.unit,
        concat(coalesce(r.name, split_part(u.unit, ':', 2)), coalesce(d.label, split_part(u.unit, ':', 1))) as unit_name
    from units as u
    left join regions as r on r.region_code = rpad(split_part(u.unit, ':', 2), 12, '0')
    left join departments as d on d.code = split_part(u.unit, ':', 1)
)

select * from final
