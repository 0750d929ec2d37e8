package cn.yinling.dashboard.report;

import cn.yinling.dashboard.kpi.TargetStatus;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.KpiQueries;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.PinnedVersion;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.RegionLevel;
import cn.yinling.warehouse.serve.RegionQueries;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every figure of one annual report, read from one pinned version in one go: the KPI rows of the city and its
 * districts for the months of the year (and the previous year's end, for comparisons), the population pyramid,
 * the audit summary, and what the version's lineage says about which feeds came in.
 */
final class AnnualFigures {

    /** Whether a figure can be printed: 暂无数据 for no_data (never a zero), 无法计算 for no_value. */
    enum Status {
        ok, no_value, no_data
    }

    record Figure(Status status, Double value) {

        static final Figure NO_DATA = new Figure(Status.no_data, null);
        static final Figure NO_VALUE = new Figure(Status.no_value, null);

        boolean ok() {
            return status == Status.ok;
        }
    }

    /**
     * KPIs counting the month's events (not a month-end state): the report gives their total over the months of the
     * year. Persons counted distinct per month (service_persons, recipients) cannot be added up and are not here.
     */
    static final Set<String> SUMMED_OVER_THE_YEAR = Set.of("elderly_deaths", "service_orders", "service_hours",
            "service_subsidy", "longevity_amount", "allowance_amount", "improper_amount");

    final int version;
    final OffsetDateTime publishedAt;
    final int year;
    /** The year's months with KPI values, oldest first. */
    final List<YearMonth> months;
    /** The latest of them: the report's "截至" month. */
    final YearMonth reference;
    /** What the report compares with: the previous December when published, else the year's first month, or null. */
    final YearMonth baseline;
    final Region city;
    final List<Region> districts;
    final KpiCatalog catalog;
    final VersionLineage lineage;
    /** Null when the version has no mart_population_pyramid. */
    final List<ReportQueries.PyramidCell> pyramid;
    /** Null when the version has no mart_audit_summary (issue #5 not run yet). */
    final List<ReportQueries.AuditCount> audit;
    private final Map<String, KpiRow> rows = new HashMap<>();
    private final Set<String> publishedKpis = new LinkedHashSet<>();

    private AnnualFigures(int version, VersionLineage lineage, int year, List<YearMonth> months, YearMonth baseline,
            Region city, List<Region> districts, KpiCatalog catalog, List<KpiRow> kpiRows,
            List<ReportQueries.PyramidCell> pyramid, List<ReportQueries.AuditCount> audit) {
        this.version = version;
        this.publishedAt = lineage.publishedAt();
        this.lineage = lineage;
        this.year = year;
        this.months = months;
        this.reference = months.get(months.size() - 1);
        this.baseline = baseline;
        this.city = city;
        this.districts = districts;
        this.catalog = catalog;
        this.pyramid = pyramid;
        this.audit = audit;
        for (KpiRow row : kpiRows) {
            rows.put(key(row.kpiCode(), row.breakdown(), row.regionCode(), YearMonth.parse(row.month())), row);
            publishedKpis.add(row.kpiCode());
        }
    }

    /**
     * Reads the figures of {@code year} from the pinned version.
     *
     * @throws YearNotPublishedException when the version has no KPI values for any month of the year
     */
    static AnnualFigures read(PinnedVersion pinned, KpiCatalog catalog, int year) {
        VersionLineage lineage = VersionLineage.read(pinned.version().directory());
        return pinned.jdbi().withHandle(handle -> {
            KpiQueries kpis = handle.attach(KpiQueries.class);
            RegionQueries regions = handle.attach(RegionQueries.class);
            ReportQueries report = handle.attach(ReportQueries.class);
            List<YearMonth> published = kpis.months().stream().map(YearMonth::parse).toList();
            List<YearMonth> months = published.stream().filter(m -> m.getYear() == year).toList();
            if (months.isEmpty()) {
                throw new YearNotPublishedException(pinned.number(), year, published);
            }
            YearMonth previousYearEnd = YearMonth.of(year - 1, 12);
            YearMonth baseline = published.contains(previousYearEnd) ? previousYearEnd
                    : months.size() > 1 ? months.get(0) : null;
            List<Region> cities = regions.cities();
            if (cities.isEmpty()) {
                throw new IllegalStateException("数据版本 " + pinned.number() + " 中没有市级区划（dim_region 第2级），无法生成报告。");
            }
            Region city = cities.get(0);
            List<Region> districts = regions.children(city.regionCode()).stream()
                    .filter(r -> r.level() == RegionLevel.district.code()).toList();
            String from = (baseline != null && baseline.isBefore(months.get(0)) ? baseline : months.get(0)).toString();
            String to = months.get(months.size() - 1).toString();
            List<KpiRow> kpiRows = new ArrayList<>(kpis.rows(from, to, city.regionCode(), RegionLevel.city.code(), null));
            kpiRows.addAll(kpis.rows(from, to, city.regionCode(), RegionLevel.district.code(), null));
            List<String> tables = report.tables();
            YearMonth last = months.get(months.size() - 1);
            List<ReportQueries.PyramidCell> pyramid = tables.contains("mart_population_pyramid")
                    ? report.pyramid(city.regionCode(), last.toString()) : null;
            List<ReportQueries.AuditCount> audit = tables.contains("mart_audit_summary")
                    ? report.auditSummary(months.get(0).toString(), last.toString()) : null;
            return new AnnualFigures(pinned.number(), lineage, year, months, baseline, city, districts, catalog,
                    kpiRows, pyramid, audit);
        });
    }

    private static String key(String kpi, String breakdown, String region, YearMonth month) {
        return kpi + "|" + breakdown + "|" + region + "|" + month;
    }

    KpiDefinition kpi(String code) {
        return catalog.get(code);
    }

    boolean summedOverTheYear(KpiDefinition kpi) {
        return SUMMED_OVER_THE_YEAR.contains(kpi.code());
    }

    /** A KPI of one region and month; 暂无数据 when not computed in this version or its feed had not come in. */
    Figure at(KpiDefinition kpi, String regionCode, YearMonth month, String breakdown) {
        if (month == null || !publishedKpis.contains(kpi.code()) || !lineage.covers(kpi, month)) {
            return Figure.NO_DATA;
        }
        KpiRow row = rows.get(key(kpi.code(), breakdown, regionCode, month));
        if (row == null) {
            return Figure.NO_DATA;
        }
        return row.value() == null ? Figure.NO_VALUE : new Figure(Status.ok, row.value());
    }

    /** The total over the year's months whose feed had come in; 暂无数据 when there are none. */
    Figure yearTotal(KpiDefinition kpi, String regionCode, String breakdown) {
        double sum = 0;
        boolean any = false;
        for (YearMonth month : months) {
            Figure f = at(kpi, regionCode, month, breakdown);
            if (f.ok()) {
                sum += f.value();
                any = true;
            }
        }
        return any ? new Figure(Status.ok, sum) : Figure.NO_DATA;
    }

    /** The report's figure of a KPI: its year total for event counts, its value at the reference month otherwise. */
    Figure figure(KpiDefinition kpi, String regionCode, String breakdown) {
        return summedOverTheYear(kpi) ? yearTotal(kpi, regionCode, breakdown)
                : at(kpi, regionCode, reference, breakdown);
    }

    Figure figure(String code, String regionCode) {
        return figure(kpi(code), regionCode, null);
    }

    Figure city(String code) {
        return figure(code, city.regionCode());
    }

    /** The value at the baseline month, for the comparison columns; 暂无数据 for year totals (no earlier year here). */
    Figure baselineFigure(KpiDefinition kpi, String regionCode, String breakdown) {
        return summedOverTheYear(kpi) ? Figure.NO_DATA : at(kpi, regionCode, baseline, breakdown);
    }

    /** The breakdown codes the city has rows for at the reference month (facility types …), in the contract's order. */
    List<String> breakdowns(KpiDefinition kpi) {
        if (kpi.breakdown() == null) {
            return List.of();
        }
        List<String> contractOrder = kpi.breakdownCodes();
        return rows.values().stream()
                .filter(r -> r.kpiCode().equals(kpi.code()) && r.breakdown() != null
                        && r.regionCode().equals(city.regionCode()) && YearMonth.parse(r.month()).equals(reference))
                .map(KpiRow::breakdown).distinct()
                .sorted(Comparator.<String>comparingInt(code -> contractOrder.contains(code)
                        ? contractOrder.indexOf(code) : Integer.MAX_VALUE).thenComparing(code -> code))
                .toList();
    }

    /** The KPI's target for the city (the one published with the value wins), or null when it has none. */
    Target target(KpiDefinition kpi) {
        KpiRow row = rows.get(key(kpi.code(), null, city.regionCode(), reference));
        Double published = row == null ? null : row.target();
        return TargetStatus.effectiveTarget(kpi, published);
    }

    /** The KPI's monthly values for the city over the year (null where there is no figure). */
    List<Double> monthly(KpiDefinition kpi, String regionCode) {
        return months.stream().map(m -> at(kpi, regionCode, m, null)).map(f -> f.ok() ? f.value() : null).toList();
    }

    boolean anyFigure(List<Double> values) {
        return values.stream().anyMatch(Objects::nonNull);
    }
}
