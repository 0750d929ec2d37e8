insert into audit_marked_findings (finding_id, rule, month, person_key, order_id, region_code, amount, evidence,
                                   seen_version)
values (:findingId, :rule, :month, :personKey, :orderId, :regionCode, :amount, :evidence, :seenVersion)
on conflict (finding_id) do update set
    rule = excluded.rule, month = excluded.month, person_key = excluded.person_key, order_id = excluded.order_id,
    region_code = excluded.region_code, amount = excluded.amount, evidence = excluded.evidence,
    seen_version = excluded.seen_version
