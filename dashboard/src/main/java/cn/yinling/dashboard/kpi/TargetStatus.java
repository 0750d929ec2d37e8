package cn.yinling.dashboard.kpi;

import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;

/** Whether a value meets its target; drives the card's colour (met green, not met red). */
public enum TargetStatus {
    met, not_met, none;

    // Ratios are stored as doubles (n / d × 100); 99.99999999 must still count as 100.
    private static final double TOLERANCE = 1e-9;

    /**
     * The target published with the value wins (the ETL filled it from the city's configuration); the comparison
     * comes from the catalog's target, or from the KPI's direction when the catalog sets no target.
     */
    public static Target effectiveTarget(KpiDefinition kpi, Double publishedTarget) {
        Double value = publishedTarget != null ? publishedTarget : kpi.target() == null ? null : kpi.target().value();
        if (value == null) {
            return null;
        }
        String op = kpi.target() != null ? kpi.target().op()
                : kpi.direction() == KpiDefinition.Direction.lower_better ? "<=" : ">=";
        return new Target(op, value);
    }

    public static TargetStatus of(Target target, Double value) {
        if (target == null || value == null) {
            return none;
        }
        boolean ok = switch (target.op()) {
            case ">=" -> value >= target.value() - TOLERANCE;
            case "<=" -> value <= target.value() + TOLERANCE;
            default -> Math.abs(value - target.value()) <= TOLERANCE;
        };
        return ok ? met : not_met;
    }
}
