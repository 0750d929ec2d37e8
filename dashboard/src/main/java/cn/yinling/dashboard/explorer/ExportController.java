package cn.yinling.dashboard.explorer;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.kpi.KpiController;
import cn.yinling.dashboard.population.PyramidController;
import cn.yinling.dashboard.portal.FileNames;
import cn.yinling.dashboard.portal.SubmissionController;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.land.LandingOptions;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Downloads of the dashboard's tables as XLSX or CSV ({@code ?format=xlsx|csv}). Each export is at
 * {@code /api/v1/exports} + the path of the table's own API, takes the same parameters, and is written from the
 * answer that API gives (never from what the page drew). Every export is an {@code export} entry of the audit log.
 */
public final class ExportController {

    private final Dependencies deps;
    private final TrendExplorer explorer;
    private final KpiController kpis;
    private final PyramidController population;
    private final SubmissionController submissions;
    private final Clock clock;

    public ExportController(Dependencies deps, TrendExplorer explorer, KpiController kpis,
            PyramidController population, SubmissionController submissions, Clock clock) {
        this.deps = deps;
        this.explorer = explorer;
        this.kpis = kpis;
        this.population = population;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** GET /api/v1/exports/explorer/series?kpis&regions&from&to&breakdown&format */
    public void explorer(Context ctx) {
        ExportTable.Format format = format(ctx);
        TrendExplorer.SeriesAnswer answer = explorer.series(SeriesQuery.of(ctx));
        ExportTable table = ExportTables.explorer(answer, deps.catalog(), now());
        send(ctx, table, format, "explorer", ExportTables.describe(answer), answer.version());
    }

    /** GET /api/v1/exports/kpis/{code}/children?region&month&breakdown&format */
    public void children(Context ctx) {
        ExportTable.Format format = format(ctx);
        int version = deps.warehouse().liveVersion().orElse(0);
        KpiController.ChildrenAnswer answer = kpis.childrenOf(ctx);
        ExportTable table = ExportTables.children(answer, Params.kpi(ctx, deps.catalog()), version, now());
        send(ctx, table, format, "kpi:" + answer.kpi() + "/children", "region=" + answer.region().regionCode()
                + " month=" + answer.month() + (answer.breakdown() == null ? "" : " breakdown=" + answer.breakdown()),
                version);
    }

    /** GET /api/v1/exports/kpis/{code}?region&month&format: the breakdown table of a by-type KPI */
    public void breakdowns(Context ctx) {
        ExportTable.Format format = format(ctx);
        int version = deps.warehouse().liveVersion().orElse(0);
        KpiController.KpiAnswer answer = kpis.oneOf(ctx);
        ExportTable table = ExportTables.breakdowns(answer, Params.kpi(ctx, deps.catalog()), version, now());
        send(ctx, table, format, "kpi:" + answer.definition().code(), "region=" + answer.region().regionCode()
                + " month=" + answer.month(), version);
    }

    /** GET /api/v1/exports/population/pyramid?region&month&format */
    public void pyramid(Context ctx) {
        ExportTable.Format format = format(ctx);
        int version = deps.warehouse().liveVersion().orElse(0);
        PyramidController.PyramidAnswer answer = population.pyramidOf(ctx);
        send(ctx, ExportTables.pyramid(answer, version, now()), format, "pyramid",
                "region=" + answer.region().regionCode() + " month=" + answer.month(), version);
    }

    /** GET /api/v1/exports/submissions?month&format (the landing zone, not a warehouse version) */
    public void submissions(Context ctx) {
        ExportTable.Format format = format(ctx);
        var answer = submissions.matrixOf(ctx);
        send(ctx, ExportTables.submissions(answer, now()), format, "submissions", "month=" + answer.month(), null);
    }

    private static ExportTable.Format format(Context ctx) {
        return ExportTable.Format.parse(ctx.queryParam("format"));
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(LandingOptions.ZONE));
    }

    private void send(Context ctx, ExportTable table, ExportTable.Format format, String target, String detail,
            Integer version) {
        byte[] content = table.write(format);
        deps.audit().record(ctx, AuditLog.EXPORT, target, format.name() + " " + detail
                + (version == null ? "" : " version=" + version) + " rows=" + table.rows().size(), "ok");
        if (format == ExportTable.Format.xlsx) {
            // A binary download: no charset (Jetty would append the default text one).
            ctx.res().setCharacterEncoding(null);
        }
        ctx.res().setContentType(format.contentType());
        ctx.header("Content-Disposition", FileNames.contentDisposition(FileNames.displayName(table.fileName(format))));
        if (version != null) {
            ctx.header("X-Data-Version", Integer.toString(version));
        }
        ctx.result(content);
    }
}
