-- The household snapshots in force (int_snapshot_in_force, one per reporting unit) by month, with the set of months
-- they serve alike: months whose snapshots in force are the same form one set, named by its first month. With
-- quarterly snapshots three months share a set, so the person rows are sorted out once per set (int_person_snapshot)
-- rather than once per month.
with

in_force as (
    select * from int_snapshot_in_force where feed = 'household'
),

month_snapshots as (
    select
        month,
        concat_ws(',', sort_array(collect_list(concat(unit, '@', cast(snapshot_month as string))))) as snapshots
    from in_force
    group by month
),

month_sets as (
    select month, min(month) over (partition by snapshots) as set_month
    from month_snapshots
),

final as (
    select f.month, f.month_end, s.set_month, f.unit, f.snapshot_month
    from in_force as f
    join month_sets as s on s.month = f.month
)

select * from final
