package cn.yinling.dashboard.explorer;

import cn.yinling.warehouse.kpi.KpiDefinition;

/**
 * A change against an earlier month (环比: the month before, 同比: the same month a year earlier).
 *
 * @param difference the value minus the earlier value, in the KPI's unit; for a percentage KPI that is percentage
 *                   points (24.6 % after 24.0 % is +0.6 个百分点)
 * @param rate       the difference as a share of the earlier value, in %; null for a percentage KPI (a rate of a
 *                   rate reads wrongly) and when the earlier value is 0
 */
public record Change(Double difference, Double rate) {

    static final Change NONE = new Change(null, null);

    /** Null parts when either value is missing: a change is never made up from a month without figures. */
    static Change between(KpiDefinition kpi, Double value, Double earlier) {
        if (value == null || earlier == null) {
            return NONE;
        }
        double difference = value - earlier;
        Double rate = isPercentage(kpi) || earlier == 0 ? null : difference / Math.abs(earlier) * 100;
        return new Change(difference, rate);
    }

    static boolean isPercentage(KpiDefinition kpi) {
        return "%".equals(kpi.unit());
    }

    /** How the page and the exports name a difference of this KPI: 个百分点 for percentages, else its unit. */
    static String differenceUnit(KpiDefinition kpi) {
        return isPercentage(kpi) ? "个百分点" : kpi.unit() == null ? "" : kpi.unit();
    }
}
