package cn.yinling.dashboard.admin;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.appstate.AuditEntry;
import io.javalin.http.Context;
import java.util.List;

/** GET /api/v1/admin/audit?before=&action=&actor=&limit=: the audit log, newest first, read only. */
public final class AuditController {

    public record Page(List<AuditEntry> entries, Long nextBefore, List<String> actions) {
    }

    private final Dependencies deps;

    public AuditController(Dependencies deps) {
        this.deps = deps;
    }

    public void page(Context ctx) {
        Long before = ctx.queryParam("before") == null ? null : ctx.queryParamAsClass("before", Long.class).get();
        int limit = ctx.queryParam("limit") == null ? 100 : ctx.queryParamAsClass("limit", Integer.class).get();
        String action = blank(ctx.queryParam("action"));
        String actor = blank(ctx.queryParam("actor"));
        List<AuditEntry> entries = deps.audit().page(before, action, actor, limit);
        Long next = entries.size() < Math.max(1, Math.min(limit, 500)) ? null : entries.get(entries.size() - 1).id();
        ctx.json(new Page(entries, next, deps.audit().actions()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
