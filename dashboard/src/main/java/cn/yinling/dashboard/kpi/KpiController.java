package cn.yinling.dashboard.kpi;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.catalog.KpiInfo;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.KpiMonthValue;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.WarehouseReader;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** KPI cards of a region and month, one KPI with its definition, a KPI's trend, and a KPI across child regions. */
public final class KpiController {

    /** Cards of one region and month, grouped by theme. */
    public record CardsAnswer(int version, String month, String previousMonth, Region region,
            List<KpiCard.Group> groups) {
    }

    /** One KPI: its definition (the side panel) and its card for the region and month. */
    public record KpiAnswer(String month, Region region, KpiInfo definition, KpiCard card) {
    }

    public record TrendPoint(String month, Double value, Double numerator, Double denominator, Double target,
            TargetStatus status, DataStatus dataStatus) {
    }

    public record TrendAnswer(String kpi, Region region, String breakdown, String unit, String targetText,
            List<TrendPoint> points) {
    }

    public record ChildRow(String regionCode, String regionName, int regionLevel, Double value, Double numerator,
            Double denominator, Double target, TargetStatus status, DataStatus dataStatus, String note,
            boolean hasChildren) {
    }

    /** @param parentValue the KPI's value for the region itself (the line the children are compared with) */
    public record ChildrenAnswer(String kpi, String month, Region region, String breakdown, Double parentValue,
            List<ChildRow> rows) {
    }

    private final Dependencies deps;

    public KpiController(Dependencies deps) {
        this.deps = deps;
    }

    private KpiAvailability availability() {
        WarehouseReader warehouse = deps.warehouse();
        return new KpiAvailability(warehouse.feedDeliveries(), Set.copyOf(warehouse.publishedKpis()));
    }

    /** GET /api/v1/kpis?region=&month=&group= (group: one theme; absent for all) */
    public void cards(Context ctx) {
        List<String> groups = Params.group(ctx, deps.catalog()).map(List::of).orElse(List.of());
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        int version = deps.warehouse().liveVersion().orElse(0);
        List<KpiMonthValue> values = deps.warehouse().kpiValues(region.regionCode(), month);
        ctx.json(new CardsAnswer(version, month.toString(), month.minusMonths(1).toString(), region,
                // the catalog of this request: an admin may have changed a target since the start
                new KpiCards(deps.catalog()).build(values, availability(), month, region.level(), groups)));
    }

    /** GET /api/v1/kpis/{code}?region=&month= */
    public void one(Context ctx) {
        ctx.json(oneOf(ctx));
    }

    /** One KPI's definition and card, with its breakdown values (also what the breakdown table's export writes). */
    public KpiAnswer oneOf(Context ctx) {
        KpiDefinition kpi = Params.kpi(ctx, deps.catalog());
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        List<KpiMonthValue> rows = deps.warehouse().kpiValues(region.regionCode(), month).stream()
                .filter(v -> v.kpiCode().equals(kpi.code())).toList();
        return new KpiAnswer(month.toString(), region, KpiInfo.of(kpi),
                KpiCards.card(kpi, rows, availability(), month, region.level()));
    }

    /**
     * GET /api/v1/kpis/{code}/trend?region=&breakdown=: one point per published month, a month without figures
     * (no row, or the feed not yet received) with null values and data_status no_data.
     */
    public void trend(Context ctx) {
        KpiDefinition kpi = Params.kpi(ctx, deps.catalog());
        Region region = Params.region(ctx, deps.warehouse());
        String breakdown = Params.breakdown(ctx);
        KpiAvailability availability = availability();
        Map<String, KpiRow> byMonth = deps.warehouse().trend(kpi.code(), region.regionCode(), breakdown).stream()
                .collect(Collectors.toMap(KpiRow::month, Function.identity()));
        List<TrendPoint> points = deps.warehouse().months().stream().map(month -> {
            KpiRow row = byMonth.get(month);
            Target target = TargetStatus.effectiveTarget(kpi, row == null ? null : row.target());
            Double targetValue = target == null ? null : target.value();
            if (row == null || availability.missingReason(kpi, YearMonth.parse(month)) != null) {
                return new TrendPoint(month, null, null, null, targetValue, TargetStatus.none, DataStatus.no_data);
            }
            return new TrendPoint(month, row.value(), row.numerator(), row.denominator(), targetValue,
                    TargetStatus.of(target, row.value()), row.value() == null ? DataStatus.no_value : DataStatus.ok);
        }).toList();
        Target last = TargetStatus.effectiveTarget(kpi, points.stream().map(TrendPoint::target)
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse(null));
        ctx.json(new TrendAnswer(kpi.code(), region, breakdown, kpi.unit(), last == null ? null : last.toString(),
                points));
    }

    /** GET /api/v1/kpis/{code}/children?region=&month=&breakdown= */
    public void children(Context ctx) {
        ctx.json(childrenOf(ctx));
    }

    /** The comparison of child regions as the page shows it (also what its export writes). */
    public ChildrenAnswer childrenOf(Context ctx) {
        KpiDefinition kpi = Params.kpi(ctx, deps.catalog());
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        String breakdown = Params.breakdown(ctx);
        String missing = availability().missingReason(kpi, month);
        List<ChildRow> rows = deps.warehouse().childValues(kpi.code(), region.regionCode(), month, breakdown).stream()
                .map(r -> childRow(kpi, r, missing))
                .toList();
        Double parentValue = missing != null ? null : deps.warehouse().kpiValues(region.regionCode(), month).stream()
                .filter(v -> v.kpiCode().equals(kpi.code()) && Objects.equals(v.breakdown(), breakdown))
                .map(KpiMonthValue::value).filter(Objects::nonNull).findFirst().orElse(null);
        return new ChildrenAnswer(kpi.code(), month.toString(), region, breakdown, parentValue, rows);
    }

    private static ChildRow childRow(KpiDefinition kpi, KpiRow r, String missing) {
        Target target = TargetStatus.effectiveTarget(kpi, r.target());
        Double targetValue = target == null ? null : target.value();
        boolean hasChildren = r.regionLevel() < 5;
        // A child without a mart row comes with a null numerator: the mart always has one for a row it holds.
        String reason = missing != null ? missing
                : r.numerator() == null ? KpiAvailability.noRowReason(kpi, r.regionLevel()) : null;
        if (reason != null) {
            return new ChildRow(r.regionCode(), r.regionName(), r.regionLevel(), null, null, null, targetValue,
                    TargetStatus.none, DataStatus.no_data, reason, hasChildren);
        }
        DataStatus status = r.value() == null ? DataStatus.no_value : DataStatus.ok;
        return new ChildRow(r.regionCode(), r.regionName(), r.regionLevel(), r.value(), r.numerator(),
                r.denominator(), targetValue, TargetStatus.of(target, r.value()), status,
                status == DataStatus.no_value ? KpiAvailability.NO_VALUE_REASON : null, hasChildren);
    }
}
