package cn.yinling.warehouse.serve;

import java.time.YearMonth;

/**
 * Which mart_kpi rows {@link WarehouseReader#kpiRows(KpiFilter)} returns; every null field means "no restriction".
 *
 * @param from       first month, inclusive
 * @param to         last month, inclusive
 * @param regionCode a 12-digit region: that region and all regions below it
 * @param level      only rows of this level
 * @param kpiCode    only this KPI
 */
public record KpiFilter(YearMonth from, YearMonth to, String regionCode, RegionLevel level, String kpiCode) {

    public static KpiFilter all() {
        return new KpiFilter(null, null, null, null, null);
    }

    public static KpiFilter month(YearMonth month) {
        return all().months(month, month);
    }

    public KpiFilter months(YearMonth from, YearMonth to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("起始月份 " + from + " 晚于结束月份 " + to);
        }
        return new KpiFilter(from, to, regionCode, level, kpiCode);
    }

    public KpiFilter region(String regionCode) {
        return new KpiFilter(from, to, regionCode, level, kpiCode);
    }

    public KpiFilter level(RegionLevel level) {
        return new KpiFilter(from, to, regionCode, level, kpiCode);
    }

    public KpiFilter kpi(String kpiCode) {
        return new KpiFilter(from, to, regionCode, level, kpiCode);
    }
}
