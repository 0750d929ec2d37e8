package cn.yinling.dashboard.report;

import java.util.List;

/**
 * The population projection the report's forecast section prints, for the city: what the forecast engine
 * (issue #6, cn.yinling.warehouse.forecast) computes, in the shape the report needs.
 *
 * @param version   the warehouse version it was computed from; must be the report's own
 * @param baseMonth {@code YYYY-MM}, the observed starting point
 * @param method    how it was computed, as a clause (Chinese, e.g. 采用队列要素法测算)
 * @param notes     caveats (short history, no fit …), Chinese; empty when none
 * @param years     the base (observed) first, then one point per projected year
 */
public record Projection(int version, String baseMonth, String method, List<String> notes, List<Year> years) {

    /** A central figure with its low and high bound (all equal for the observed base). */
    public record Range(Double low, Double central, Double high) {
    }

    /** @param agingRate60 percent (0–100) */
    public record Year(int year, String month, boolean observed, Range pop60, Range agingRate60, Range pop80) {
    }
}
