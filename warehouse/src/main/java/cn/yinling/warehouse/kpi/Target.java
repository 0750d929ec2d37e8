package cn.yinling.warehouse.kpi;

/** A KPI target such as ≥ 55 (%). */
public record Target(String op, double value) {

    public boolean isMetBy(double actual) {
        return switch (op) {
            case ">=" -> actual >= value;
            case "<=" -> actual <= value;
            case "=" -> actual == value;
            default -> throw new IllegalStateException("unknown target operator " + op);
        };
    }

    @Override
    public String toString() {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return switch (op) {
            case ">=" -> "≥" + number;
            case "<=" -> "≤" + number;
            default -> number;
        };
    }
}
