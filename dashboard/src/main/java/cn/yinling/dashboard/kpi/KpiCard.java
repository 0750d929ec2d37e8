package cn.yinling.dashboard.kpi;

import java.util.List;

/**
 * One KPI card: the total's value for a region and month, its change against the previous month, its target and
 * status, and for by-type KPIs one {@link Part} per breakdown value. Every KPI of the catalog gets a card; one
 * without figures has {@code dataStatus} no_data, null figures and a {@code note} saying why.
 *
 * @param targetText e.g. "≥55", null without a target
 * @param change     value − previous value; null when either is missing
 * @param note       why there is no value (Chinese), null when there is one
 */
public record KpiCard(
        String code,
        String name,
        String group,
        String unit,
        String direction,
        boolean ratio,
        String formula,
        Double value,
        Double previousValue,
        Double change,
        Double numerator,
        Double denominator,
        Double target,
        String targetText,
        TargetStatus status,
        DataStatus dataStatus,
        String note,
        List<Part> breakdowns) {

    /** One breakdown value of a by-type KPI (e.g. one facility_type of facilities_open). */
    public record Part(String code, String label, Double value, Double previousValue, Double change,
            Double numerator, Double denominator, DataStatus dataStatus) {
    }

    /** A theme (人口概况 …) with its cards in catalog order. */
    public record Group(String code, String name, List<KpiCard> cards) {
    }
}
