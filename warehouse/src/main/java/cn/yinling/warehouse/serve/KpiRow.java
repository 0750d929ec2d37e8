package cn.yinling.warehouse.serve;

/**
 * One row of mart_kpi with its region's name: a KPI's value for one region, month and breakdown.
 *
 * @param breakdown   null for the KPI's total, else e.g. a facility_type code
 * @param regionLevel 2 city, 3 district, 4 street/town, 5 community/village
 * @param month       {@code YYYY-MM}
 * @param value       null when the denominator is 0
 * @param denominator null for plain counts
 * @param target      null when no target is set
 */
public record KpiRow(
        String kpiCode,
        String breakdown,
        String regionCode,
        String regionName,
        int regionLevel,
        String month,
        Double value,
        Double numerator,
        Double denominator,
        Double target) {
}
