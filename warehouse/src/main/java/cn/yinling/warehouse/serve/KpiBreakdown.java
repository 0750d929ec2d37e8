package cn.yinling.warehouse.serve;

/** A breakdown value a KPI has rows for in a version, e.g. facilities_open by facility_type {@code institution}. */
public record KpiBreakdown(String kpiCode, String breakdown) {
}
