package cn.yinling.dashboard.kpi;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.KpiRow;
import cn.yinling.warehouse.serve.Region;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.List;

/** KPI cards of a region and month, a KPI's trend, and a KPI across the child regions. */
public final class KpiController {

    /** Cards of one region and month, grouped by theme. */
    public record CardsAnswer(int version, String month, String previousMonth, Region region,
            List<KpiCard.Group> groups) {
    }

    public record TrendPoint(String month, Double value, Double numerator, Double denominator, Double target) {
    }

    public record TrendAnswer(String kpi, Region region, String breakdown, String unit, String targetText,
            List<TrendPoint> points) {
    }

    public record ChildRow(String regionCode, String regionName, int regionLevel, Double value, Double numerator,
            Double denominator, Double target, TargetStatus status, boolean hasChildren) {
    }

    public record ChildrenAnswer(String kpi, String month, Region region, String breakdown, List<ChildRow> rows) {
    }

    private final Dependencies deps;
    private final KpiCards cards;

    public KpiController(Dependencies deps) {
        this.deps = deps;
        this.cards = new KpiCards(deps.catalog());
    }

    /** GET /api/v1/kpis?region=&month= */
    public void cards(Context ctx) {
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        int version = deps.warehouse().liveVersion().orElse(0);
        ctx.json(new CardsAnswer(version, month.toString(), month.minusMonths(1).toString(), region,
                cards.build(deps.warehouse().kpiValues(region.regionCode(), month))));
    }

    /** GET /api/v1/kpis/{code}/trend?region=&breakdown= */
    public void trend(Context ctx) {
        KpiDefinition kpi = Params.kpi(ctx, deps.catalog());
        Region region = Params.region(ctx, deps.warehouse());
        String breakdown = Params.breakdown(ctx);
        List<KpiRow> rows = deps.warehouse().trend(kpi.code(), region.regionCode(), breakdown);
        List<TrendPoint> points = rows.stream()
                .map(r -> new TrendPoint(r.month(), r.value(), r.numerator(), r.denominator(), r.target())).toList();
        Double lastTarget = rows.isEmpty() ? null : rows.get(rows.size() - 1).target();
        Target target = TargetStatus.effectiveTarget(kpi, lastTarget);
        ctx.json(new TrendAnswer(kpi.code(), region, breakdown, kpi.unit(), target == null ? null : target.toString(),
                points));
    }

    /** GET /api/v1/kpis/{code}/children?region=&month=&breakdown= */
    public void children(Context ctx) {
        KpiDefinition kpi = Params.kpi(ctx, deps.catalog());
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        String breakdown = Params.breakdown(ctx);
        List<ChildRow> rows = deps.warehouse().childValues(kpi.code(), region.regionCode(), month, breakdown).stream()
                .map(r -> {
                    Target target = TargetStatus.effectiveTarget(kpi, r.target());
                    return new ChildRow(r.regionCode(), r.regionName(), r.regionLevel(), r.value(), r.numerator(),
                            r.denominator(), target == null ? null : target.value(), TargetStatus.of(target, r.value()),
                            r.regionLevel() < 5);
                })
                .toList();
        ctx.json(new ChildrenAnswer(kpi.code(), month.toString(), region, breakdown, rows));
    }
}
