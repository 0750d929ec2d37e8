-- A06 应享未享: alive and 80+ at the month's end, registered in the city for the whole month, and no longevity
-- allowance (any tier, any unit) paid for the month. "Registered for the whole month" is read from the snapshots in
-- force: 正常 at the previous month's end and at this one's (where the person lives in the city may change in between:
-- a move within the city). Someone who moved in during the month, or whose row the previous snapshot lacks, is not
-- due yet; the first month of the spine has no previous month-end, so it has no A06 findings. No amount.
with

population as (
    select * from fct_population_month
),

types as (
    select * from code_label where code_list = 'allowance_type'
),

previous_month_end as (
    -- 80+ now means 79+ a month ago, so the previous month's row is one of the 60+ as well
    select person_key, cast(add_months(month, 1) as date) as month, last_day(month) as previous_month_end
    from population
    where status = 'active' and age >= 79
),

unpaid as (
    select p.*, q.previous_month_end
    from population as p
    join previous_month_end as q on q.person_key = p.person_key and q.month = p.month
    where p.is_alive and p.age >= 80 and not p.is_longevity_paid
),

due as (
    select
        *,
        case when age >= 100 then 'centenarian' when age >= 90 then 'longevity_90' else 'longevity_80' end as due_type,
        last_day(month) as month_end
    from unpaid
),

final as (
    select
        d.month,
        d.person_key,
        cast(null as string) as order_id,
        d.region_code,
        cast(null as decimal(14, 2)) as amount,
        concat('出生日期', cast(d.birth_date as string), '；月末(', cast(d.month_end as string), ')年龄',
            cast(d.age as string), '岁，存活；户籍状态正常（', cast(d.previous_month_end as string), '与',
            cast(d.month_end as string), '均在册）；本月无高龄津贴或百岁老人长寿补贴发放，应发',
            coalesce(t.label, d.due_type)) as evidence,
        to_json(named_struct(
            'birth_date', cast(d.birth_date as string),
            'month_end', cast(d.month_end as string),
            'age', d.age,
            'registered_from', cast(d.previous_month_end as string),
            'due_allowance_type', d.due_type)) as evidence_json,
        '' as case_key,
        cast(null as string) as batch_id,
        cast(null as int) as source_row
    from due as d
    left join types as t on t.code = d.due_type
)

select * from final
