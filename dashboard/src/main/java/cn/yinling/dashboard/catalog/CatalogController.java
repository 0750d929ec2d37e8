package cn.yinling.dashboard.catalog;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.warehouse.serve.NoPublishedVersionException;
import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalInt;

/** What is published: the version, its months, the KPI catalog (definitions, targets) and the theme pages. */
public final class CatalogController {

    public record StatusAnswer(boolean published, Integer version, String message) {
    }

    public record MonthsAnswer(List<String> months, String latest) {
    }

    public record GroupEntry(String code, String name) {
    }

    public record CatalogAnswer(List<GroupEntry> groups, List<KpiInfo> kpis) {
    }

    private final Dependencies deps;
    private final Themes themes;

    public CatalogController(Dependencies deps, Themes themes) {
        this.deps = deps;
        this.themes = themes;
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
        List<KpiInfo> kpis = deps.catalog().all().stream().map(KpiInfo::of).toList();
        ctx.json(new CatalogAnswer(groups, kpis));
    }

    /** GET /api/v1/themes: the theme pages with their KPIs and the headline KPIs of the overview. */
    public void themes(Context ctx) {
        ctx.json(themes.all());
    }
}
