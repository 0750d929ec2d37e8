package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.auth.Principal;
import cn.yinling.dashboard.web.ClientAddress;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/**
 * Writes the audit log: who (account or token, role), what (action, target, detail, outcome), when and from where.
 * Details never hold ID numbers or names of persons: only batch ids, feeds, periods, units, account names, finding
 * ids, person_keys and the reasons planners typed.
 */
public final class AuditLog {

    /** The actions written; the admin page filters on them. */
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGOUT = "logout";
    public static final String PASSWORD_CHANGE = "password_change";
    public static final String UPLOAD = "upload";
    public static final String BATCH_VIEW = "batch_view";
    public static final String DOWNLOAD = "download";
    public static final String EXPORT = "export";
    /** A planner saw one person's name and ID number of an audit finding (the entry holds the reason, not them). */
    public static final String REVEAL = "reveal";
    /** A planner marked an audit finding 核实属实 / 误报 / 已整改. */
    public static final String MARK = "mark";
    public static final String ADMIN = "admin";
    public static final String ACCESS_DENIED = "access_denied";

    private final AppStore store;
    private final ClientAddress addresses;
    private final Clock clock;

    public AuditLog(AppStore store, ClientAddress addresses, Clock clock) {
        this.store = store;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** An entry for a request, with its principal (when signed in) and client address. */
    public void record(Context ctx, String action, String target, String detail, String outcome) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        record(p == null ? "anonymous" : p.name(), p == null ? null : p.role().name(), action, target, detail, outcome,
                addresses.of(ctx));
    }

    /** An entry for a request whose principal is known only to the caller (sign-in). */
    public void record(Context ctx, String actor, String role, String action, String target, String detail,
            String outcome) {
        record(actor, role, action, target, detail, outcome, addresses.of(ctx));
    }

    /** An entry from the command line ({@code aging user add}, {@code aging token …}). */
    public void record(String actor, String role, String action, String target, String detail, String outcome,
            String ip) {
        store.audit().insert(clock.millis(), actor, role, action, target, truncate(detail), outcome, ip);
    }

    public List<AuditEntry> page(Long beforeId, String action, String actor, int limit) {
        return store.audit().page(beforeId, action, actor, Math.max(1, Math.min(limit, 500)));
    }

    public List<String> actions() {
        return store.audit().actions();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000) + "…";
    }
}
