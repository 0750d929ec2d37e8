package cn.yinling.dashboard.admin;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.appstate.EtlRunRow;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.web.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** Admins start an ETL run after accepted uploads and follow its output; one run at a time. */
public final class EtlController {

    public record RunView(EtlRunRow run, List<String> lines, boolean running) {
    }

    public record RunsAnswer(Long running, List<EtlRunRow> runs) {
    }

    private final Dependencies deps;

    public EtlController(Dependencies deps) {
        this.deps = deps;
    }

    /** POST /api/v1/admin/etl-runs: 202 with the new run, 409 when one is running. */
    public void start(Context ctx) throws IOException {
        var started = deps.etl().start(AuthFilter.current(ctx).name());
        if (started.isEmpty()) {
            deps.audit().record(ctx, AuditLog.ADMIN, "etl", "start refused: a run is in progress", "refused");
            throw new ApiException(409, "已有一个 ETL 任务在运行，请等待其结束后再启动。");
        }
        deps.audit().record(ctx, AuditLog.ADMIN, "etl-run:" + started.get(), "start", "ok");
        ctx.status(202).json(view(started.get()));
    }

    /** GET /api/v1/admin/etl-runs */
    public void list(Context ctx) {
        ctx.json(new RunsAnswer(deps.etl().running().map(EtlRunner.Current::id).orElse(null), deps.etl().recent(20)));
    }

    /** GET /api/v1/admin/etl-runs/{id}: the run and its latest output lines. */
    public void one(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("没有这个 ETL 任务。");
        }
        ctx.json(view(id));
    }

    private RunView view(long id) {
        EtlRunRow run = deps.etl().find(id).orElseThrow(() -> ApiException.notFound("没有这个 ETL 任务。"));
        boolean running = deps.etl().running().map(c -> c.id() == id).orElse(false);
        return new RunView(run, deps.etl().lines(id), running);
    }
}
