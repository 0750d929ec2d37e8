package cn.yinling.warehouse.serve;

/**
 * A KPI's value for one region and month together with the previous month's value (null when that month is not
 * published or its value is null), for the dashboard's cards.
 */
public record KpiMonthValue(
        String kpiCode,
        String breakdown,
        Double value,
        Double numerator,
        Double denominator,
        Double target,
        Double previousValue) {
}
