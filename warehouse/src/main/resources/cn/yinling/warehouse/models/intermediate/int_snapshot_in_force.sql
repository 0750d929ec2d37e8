-- For every monthly snapshot feed (household, facility …), reporting unit and month of the spine: the latest
-- snapshot period at or before the month. A quarterly sender's snapshot thereby fills the months until its next one.
with

batches as (
    select * from landing_batch
),

months as (
    select * from dim_month
),

snapshots as (
    select feed, unit, to_date(concat(period, '-01')) as snapshot_month
    from batches
    where feed_kind = 'snapshot' and period_kind = 'month'
),

matched as (
    select
        s.feed,
        s.unit,
        m.month,
        m.month_end,
        max(s.snapshot_month) as snapshot_month
    from months as m
    join snapshots as s on s.snapshot_month <= m.month
    group by s.feed, s.unit, m.month, m.month_end
),

final as (
    select feed, unit, month, month_end, snapshot_month from matched
)

select * from final
