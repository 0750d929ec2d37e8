package cn.yinling.warehouse.serve;

import java.math.BigDecimal;

/** How many findings a filter selects and the sum of their amounts (null when none has an amount). */
public record AuditTotals(long findings, BigDecimal amount) {
}
