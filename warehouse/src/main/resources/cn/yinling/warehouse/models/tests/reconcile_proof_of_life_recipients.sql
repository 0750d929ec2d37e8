-- Every longevity-allowance recipient of a month of the spine (longevity_80, longevity_90 or centenarian paid, any
-- unit) has exactly one row in mart_proof_of_life, and nobody else has one: returns the recipients without a row,
-- with more than one, and rows of non-recipients.
with

recipients as (
    select distinct p.person_key, p.pay_month as month
    from fct_allowance_payment as p
    join dim_month as m on m.month = p.pay_month
    where p.is_longevity
),

rows_per_person as (
    select person_key, month, count(*) as copies
    from mart_proof_of_life
    group by person_key, month
),

final as (
    select coalesce(r.person_key, p.person_key) as person_key, coalesce(r.month, p.month) as month,
        coalesce(p.copies, 0) as copies, r.person_key is not null as is_recipient
    from recipients as r
    full outer join rows_per_person as p on p.person_key = r.person_key and p.month = r.month
    where r.person_key is null or p.copies is null or p.copies <> 1
)

select * from final
