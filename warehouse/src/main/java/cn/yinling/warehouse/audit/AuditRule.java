package cn.yinling.warehouse.audit;

import java.util.List;

/**
 * One cross-department check of spec/audit.md, as rules.json defines it. The ETL runs the rule's SQL
 * (models/audit/&lt;code&gt;.sql); the dashboard, the CLI and the annual report name and explain it from here.
 *
 * @param subject  what a finding names: {@code person} (person_key) or {@code order} (order_id, with the person_key)
 * @param amount   what a finding's amount is: {@code payment} (the payment's amount), {@code subsidy} (the order's
 *                 government subsidy) or {@code none}
 * @param improper whether the finding's amount counts in the improper_amount KPI (A01, A04, A05 per spec/kpis.md)
 */
public record AuditRule(String code, String name, Subject subject, List<String> sources, String amount,
                        boolean improper, String condition) {

    public enum Subject {
        person, order
    }
}
