package cn.yinling.dashboard.appstate;

/** One audit log entry: who (actor, role), what (action, target, detail, outcome), when (at), from where (ip). */
public record AuditEntry(long id, long at, String actor, String role, String action, String target, String detail,
        String outcome, String ip) {
}
