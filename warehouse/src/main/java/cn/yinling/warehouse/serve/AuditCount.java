package cn.yinling.warehouse.serve;

import java.math.BigDecimal;

/**
 * Findings and their amount: one cell of mart_audit_summary (rule, region, month) or a sum of cells.
 *
 * @param month  {@code YYYY-MM}, null for a sum over months
 * @param amount null when nothing with an amount was found
 */
public record AuditCount(String rule, String regionCode, int regionLevel, String month, long findings,
                         BigDecimal amount) {
}
