package cn.yinling.dashboard.auth;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.TokenRow;
import cn.yinling.warehouse.land.ReportingUnit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Per-unit API tokens: 32 random bytes shown once, stored as SHA-256, revocable per unit. */
public final class ApiTokenService {

    public static final String PREFIX = "aging_";

    private final AppStore store;
    private final Clock clock;

    public ApiTokenService(AppStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ApiTokenService(AppStore store) {
        this(store, Clock.systemUTC());
    }

    /** A new token for a unit; the plain text is returned here and never again. */
    public String create(String unit, String createdBy) {
        if (ReportingUnit.parse(unit).isEmpty()) {
            throw new IllegalArgumentException("报送单位“" + unit + "”格式错误：应为“部门代码:6位区划代码”，如 civil_affairs:320312。");
        }
        String token = PREFIX + Secrets.randomToken();
        store.apiTokens().insert(unit, Secrets.sha256(token), clock.millis(), createdBy);
        return token;
    }

    /** Revokes every active token of a unit; how many were revoked. */
    public int revoke(String unit, String revokedBy) {
        return store.apiTokens().revokeUnit(unit, clock.millis(), revokedBy);
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<TokenRow> row = store.apiTokens().findActive(Secrets.sha256(token));
        row.ifPresent(r -> store.apiTokens().touch(r.id(), clock.millis()));
        return row.map(r -> new Principal(null, "token:" + r.unit() + "#" + r.id(), Role.uploader, r.unit(), null, null,
                true, false));
    }

    public List<TokenRow> all() {
        return store.apiTokens().all();
    }
}
