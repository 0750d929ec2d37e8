package cn.yinling.dashboard.catalog;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalInt;

/** What is published: the version, its months, and the KPI catalog (names, units, formulas, targets). */
public final class CatalogController {

    public record StatusAnswer(boolean published, Integer version, String message) {
    }

    public record MonthsAnswer(List<String> months, String latest) {
    }

    public record GroupEntry(String code, String name) {
    }

    public record KpiEntry(String code, String name, String group, String unit, String direction, boolean ratio,
            String formula, String targetText, String breakdown) {
    }

    public record CatalogAnswer(List<GroupEntry> groups, List<KpiEntry> kpis) {
    }

    private final Dependencies deps;

    public CatalogController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/status: always 200, so pages can say how to publish a version instead of failing. */
    public void status(Context ctx) {
        OptionalInt version = deps.warehouse().liveVersion();
        if (version.isPresent()) {
            ctx.json(new StatusAnswer(true, version.getAsInt(), null));
        } else {
            String message;
            try {
                deps.warehouse().months();
                message = NoPublishedVersionException.MESSAGE;
            } catch (NoPublishedVersionException e) {
                message = e.getMessage();
            }
            ctx.json(new StatusAnswer(false, null, message));
        }
    }

    /** GET /api/v1/months */
    public void months(Context ctx) {
        List<String> months = deps.warehouse().months();
        ctx.json(new MonthsAnswer(months, months.isEmpty() ? null : months.get(months.size() - 1)));
    }

    /** GET /api/v1/catalog */
    public void catalog(Context ctx) {
        List<GroupEntry> groups = deps.catalog().groups().entrySet().stream()
                .map(e -> new GroupEntry(e.getKey(), e.getValue())).toList();
        List<KpiEntry> kpis = deps.catalog().all().stream().map(CatalogController::entry).toList();
        ctx.json(new CatalogAnswer(groups, kpis));
    }

    private static KpiEntry entry(KpiDefinition k) {
        return new KpiEntry(k.code(), k.name(), k.group(), k.unit(), k.direction().name(), k.ratio(), k.formula(),
                k.target() == null ? null : k.target().toString(), k.breakdown());
    }
}
