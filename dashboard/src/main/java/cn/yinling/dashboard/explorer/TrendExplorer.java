package cn.yinling.dashboard.explorer;

import cn.yinling.dashboard.kpi.DataStatus;
import cn.yinling.dashboard.kpi.KpiAvailability;
import cn.yinling.dashboard.kpi.TargetStatus;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.ExplorerQueries;
import cn.yinling.warehouse.serve.KpiBreakdown;
import cn.yinling.warehouse.serve.KpiQueries;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.PinnedVersion;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.RegionMatch;
import cn.yinling.warehouse.serve.RegionQueries;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 趋势分析: several KPIs of several regions over a range of months, each (KPI × region) a series with one point per
 * published month of the range, and each point's month-on-month (环比) and year-on-year (同比) change. Everything
 * of one answer is read from one pinned version, so its figures and the version it names agree; the explorer's
 * table and its XLSX/CSV export are both made from this answer.
 *
 * <p>A point has figures only where the KPI pages would show them ({@link KpiAvailability}: the mart's zeros for a
 * feed not yet received are 暂无数据), and a change only when both months have figures.
 */
public final class TrendExplorer {

    /** Series (KPIs × regions) one chart can show and still be read. */
    public static final int MAX_SERIES = 12;
    static final int SEARCH_LIMIT = 30;
    private static final Pattern REGION_CODE = Pattern.compile("\\d{12}");

    /**
     * One month of a series.
     *
     * @param momChange   value minus the previous month's value (percentage points for a % KPI); null when either
     *                    month has no figures
     * @param momRate     that difference in % of the previous month's value; null for % KPIs and a previous 0
     * @param yoyChange   likewise against the same month a year earlier
     */
    public record Point(String month, Double value, Double numerator, Double denominator, Double target,
            TargetStatus status, DataStatus dataStatus, String note,
            String previousMonth, Double previousValue, Double momChange, Double momRate,
            String yearAgoMonth, Double yearAgoValue, Double yoyChange, Double yoyRate) {
    }

    /**
     * One KPI (or one of its breakdown values) of one region.
     *
     * @param key        {@code kpi|region|breakdown} (breakdown empty for the total), stable across requests
     * @param name       what the legend and the table call it: KPI name, breakdown label, region name
     * @param changeUnit the unit of {@link Point#momChange} and {@link Point#yoyChange}: 个百分点 for % KPIs
     */
    public record Series(String key, String kpi, String kpiName, String group, String unit, boolean ratio,
            String breakdown, String breakdownLabel, Region region, String name, String changeUnit,
            List<Point> points) {
    }

    /** @param months the published months from {@code from} to {@code to}, oldest first: the points of each series */
    public record SeriesAnswer(int version, String from, String to, List<String> months, List<Series> series) {
    }

    public record BreakdownOption(String code, String label) {
    }

    /** @param kpis KPI code → the breakdown values it has rows for in the live version */
    public record BreakdownsAnswer(int version, Map<String, List<BreakdownOption>> kpis) {
    }

    /** @param truncated more regions matched than were returned: the user should type more */
    public record SearchAnswer(String text, List<RegionMatch> regions, boolean truncated) {
    }

    private final WarehouseReader warehouse;
    private final Supplier<KpiCatalog> catalog;

    /** @param catalog the catalog of each request (an admin may change a target while the server runs) */
    public TrendExplorer(WarehouseReader warehouse, Supplier<KpiCatalog> catalog) {
        this.warehouse = warehouse;
        this.catalog = catalog;
    }

    public SeriesAnswer series(SeriesQuery query) {
        List<KpiDefinition> kpis = kpis(query.kpis(), catalog.get());
        return warehouse.withPinnedVersion(pinned -> {
            List<String> months = pinned.jdbi().withExtension(KpiQueries.class, KpiQueries::months);
            if (months.isEmpty()) {
                throw ApiException.notFound("当前数仓版本中没有指标数据。");
            }
            List<Region> regions = regions(query.regions(), pinned);
            int count = kpis.size() * regions.size();
            if (count > MAX_SERIES) {
                throw ApiException.badRequest("一张图最多比较 " + MAX_SERIES + " 条序列（指标数 × 区域数），当前为 "
                        + kpis.size() + " × " + regions.size() + " = " + count + " 条，请减少指标或区域。");
            }
            YearMonth from = blank(query.from()) ? YearMonth.parse(months.get(0)) : Params.month(query.from(), months);
            YearMonth to = Params.month(query.to(), months);
            if (from.isAfter(to)) {
                throw ApiException.badRequest("起始月份 " + from + " 晚于截止月份 " + to + "，请重新选择月份范围。");
            }
            Map<String, String> breakdowns = breakdowns(query.breakdown(), kpis, pinned);
            List<String> shown = months.stream()
                    .filter(m -> !YearMonth.parse(m).isBefore(from) && !YearMonth.parse(m).isAfter(to)).toList();

            // Twelve months before the range as well: the changes of its first months look back that far.
            List<KpiRow> rows = pinned.jdbi().withExtension(ExplorerQueries.class, q -> q.seriesRows(
                    kpis.stream().map(KpiDefinition::code).toList(), regions.stream().map(Region::regionCode).toList(),
                    from.minusMonths(12).toString(), to.toString()));
            Map<String, Map<String, KpiRow>> bySeries = new HashMap<>();
            for (KpiRow row : rows) {
                bySeries.computeIfAbsent(key(row.kpiCode(), row.regionCode(), row.breakdown()), k -> new HashMap<>())
                        .put(row.month(), row);
            }
            KpiAvailability availability = new KpiAvailability(pinned.deliveries(),
                    Set.copyOf(pinned.jdbi().withExtension(KpiQueries.class, KpiQueries::publishedKpis)));

            List<Series> series = new ArrayList<>();
            for (KpiDefinition kpi : kpis) {
                String breakdown = breakdowns.get(kpi.code());
                for (Region region : regions) {
                    String key = key(kpi.code(), region.regionCode(), breakdown);
                    series.add(series(kpi, region, breakdown, key, shown,
                            bySeries.getOrDefault(key, Map.of()), availability));
                }
            }
            return new SeriesAnswer(pinned.number(), from.toString(), to.toString(), shown, series);
        });
    }

    private static Series series(KpiDefinition kpi, Region region, String breakdown, String key, List<String> months,
            Map<String, KpiRow> rows, KpiAvailability availability) {
        List<Point> points = new ArrayList<>();
        for (String month : months) {
            YearMonth current = YearMonth.parse(month);
            Figure figure = Figure.of(kpi, region, current, rows, availability);
            String previousMonth = current.minusMonths(1).toString();
            String yearAgoMonth = current.minusYears(1).toString();
            Double previous = Figure.of(kpi, region, current.minusMonths(1), rows, availability).value();
            Double yearAgo = Figure.of(kpi, region, current.minusYears(1), rows, availability).value();
            Change mom = Change.between(kpi, figure.value(), previous);
            Change yoy = Change.between(kpi, figure.value(), yearAgo);
            KpiRow row = figure.row();
            Target target = TargetStatus.effectiveTarget(kpi, row == null ? null : row.target());
            boolean counted = figure.status() != DataStatus.no_data;
            points.add(new Point(month, figure.value(), counted ? row.numerator() : null,
                    counted ? row.denominator() : null, target == null ? null : target.value(),
                    TargetStatus.of(target, figure.value()), figure.status(), figure.note(),
                    previousMonth, previous, mom.difference(), mom.rate(),
                    yearAgoMonth, yearAgo, yoy.difference(), yoy.rate()));
        }
        String label = kpi.breakdownLabel(breakdown);
        String name = kpi.name() + (label == null ? "" : "（" + label + "）") + " · " + region.name();
        return new Series(key, kpi.code(), kpi.name(), kpi.group(), kpi.unit(), kpi.ratio(), breakdown, label, region,
                name, Change.differenceUnit(kpi), List.copyOf(points));
    }

    /** A KPI's figures for a month as the KPI pages show them: a value, 无法计算 (denominator 0) or 暂无数据 and why. */
    private record Figure(DataStatus status, String note, KpiRow row) {

        static Figure of(KpiDefinition kpi, Region region, YearMonth month, Map<String, KpiRow> rows,
                KpiAvailability availability) {
            String missing = availability.missingReason(kpi, month);
            if (missing != null) {
                return new Figure(DataStatus.no_data, missing, null);
            }
            KpiRow row = rows.get(month.toString());
            if (row == null) {
                return new Figure(DataStatus.no_data, KpiAvailability.noRowReason(kpi, region.level()), null);
            }
            if (row.value() == null) {
                return new Figure(DataStatus.no_value, KpiAvailability.NO_VALUE_REASON, row);
            }
            return new Figure(DataStatus.ok, null, row);
        }

        Double value() {
            return status == DataStatus.ok ? row.value() : null;
        }
    }

    static String key(String kpi, String region, String breakdown) {
        return kpi + "|" + region + "|" + (breakdown == null ? "" : breakdown);
    }

    // ---- the request, checked --------------------------------------------------------------------------------

    private static List<KpiDefinition> kpis(String text, KpiCatalog catalog) {
        List<String> codes = list(text);
        if (codes.isEmpty()) {
            throw ApiException.badRequest("请至少选择一个指标：kpis=指标代码，多个用英文逗号分隔，例如 kpis=aging_rate_60,pop_80。");
        }
        return codes.stream().map(code -> catalog.find(code)
                .orElseThrow(() -> ApiException.notFound("未知指标代码：" + code + "，请从指标列表中选择。"))).toList();
    }

    /** The regions asked for, in the order given; the city when none is. */
    private static List<Region> regions(String text, PinnedVersion pinned) {
        List<String> codes = list(text);
        return pinned.jdbi().withExtension(RegionQueries.class, q -> {
            if (codes.isEmpty()) {
                return q.cities().stream().findFirst().map(List::of)
                        .orElseThrow(() -> ApiException.notFound("当前数仓版本中没有市级区划。"));
            }
            List<Region> regions = new ArrayList<>();
            for (String code : codes) {
                if (!REGION_CODE.matcher(code).matches()) {
                    throw ApiException.badRequest("区划代码应为12位数字（统计用区划代码），例如 320300000000，实际为 " + code);
                }
                regions.add(q.region(code).orElseThrow(
                        () -> ApiException.notFound("未找到区划代码 " + code + "，请从区域选择器中选择。")));
            }
            return regions;
        });
    }

    /** {@code kpi:code,…} → KPI code → breakdown value; each KPI must be one of those shown and have that value. */
    private static Map<String, String> breakdowns(String text, List<KpiDefinition> kpis, PinnedVersion pinned) {
        List<String> pairs = list(text);
        if (pairs.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> known = pinned.jdbi().withExtension(ExplorerQueries.class,
                ExplorerQueries::breakdowns).stream().collect(Collectors.groupingBy(KpiBreakdown::kpiCode,
                        Collectors.mapping(KpiBreakdown::breakdown, Collectors.toList())));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw ApiException.badRequest("分项参数应为“指标代码:分项代码”，多个用英文逗号分隔，例如 "
                        + "breakdown=facilities_open:institution，实际为：" + pair);
            }
            String kpiCode = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            KpiDefinition kpi = kpis.stream().filter(k -> k.code().equals(kpiCode)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("分项参数中的指标 " + kpiCode + " 不在所选指标（kpis）之中。"));
            List<String> values = known.getOrDefault(kpiCode, List.of());
            if (values.isEmpty()) {
                throw ApiException.badRequest("指标“" + kpi.name() + "”没有分项，请去掉分项参数 " + pair + "。");
            }
            if (!values.contains(value)) {
                throw ApiException.notFound("指标“" + kpi.name() + "”没有分项 " + value + "，可选："
                        + values.stream().map(v -> v + "（" + kpi.breakdownLabel(v) + "）")
                                .collect(Collectors.joining("、")) + "。");
            }
            if (chosen.put(kpiCode, value) != null) {
                throw ApiException.badRequest("指标 " + kpiCode + " 只能选择一个分项。");
            }
        }
        return chosen;
    }

    private static List<String> list(String text) {
        if (blank(text)) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    // ---- what the page's pickers offer -----------------------------------------------------------------------

    /** The breakdown values of each by-type KPI, with their Chinese labels, in the live version. */
    public BreakdownsAnswer breakdowns() {
        KpiCatalog current = catalog.get();
        return warehouse.withPinnedVersion(pinned -> {
            Map<String, List<BreakdownOption>> byKpi = new LinkedHashMap<>();
            for (KpiBreakdown b : pinned.jdbi().withExtension(ExplorerQueries.class, ExplorerQueries::breakdowns)) {
                current.find(b.kpiCode()).ifPresent(kpi -> byKpi.computeIfAbsent(kpi.code(), k -> new ArrayList<>())
                        .add(new BreakdownOption(b.breakdown(), kpi.breakdownLabel(b.breakdown()))));
            }
            return new BreakdownsAnswer(pinned.number(), byKpi);
        });
    }

    /** Regions by name or code, for the region picker's search box. */
    public SearchAnswer search(String text) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            throw ApiException.badRequest("请输入区域名称或区划代码的一部分再搜索，例如“鼓楼”或 320302。");
        }
        if (wanted.length() > 40) {
            throw ApiException.badRequest("搜索内容过长（最多 40 个字），请输入区域名称或区划代码的一部分。");
        }
        List<RegionMatch> found = warehouse.withPinnedVersion(pinned -> pinned.jdbi().withExtension(
                ExplorerQueries.class, q -> q.searchRegions(wanted, SEARCH_LIMIT + 1)));
        boolean truncated = found.size() > SEARCH_LIMIT;
        return new SearchAnswer(wanted, truncated ? found.subList(0, SEARCH_LIMIT) : found, truncated);
    }
}
