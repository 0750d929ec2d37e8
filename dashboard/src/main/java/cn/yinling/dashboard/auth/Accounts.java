package cn.yinling.dashboard.auth;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.SessionRow;
import cn.yinling.dashboard.appstate.UserRow;
import cn.yinling.warehouse.land.ReportingUnit;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts, sign-in with lock-out, and server-side sessions. Every answer about a failed sign-in is the same whether
 * the account exists or not.
 */
public final class Accounts {

    public static final String FIRST_ADMIN = "admin";

    private final AppStore store;
    private final PortalSettings settings;
    private final Passwords passwords = new Passwords();
    private final Clock clock;

    public Accounts(AppStore store, PortalSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public Accounts(AppStore store, PortalSettings settings) {
        this(store, settings, Clock.systemUTC());
    }

    /** A new session: the cookie's id (given to the browser only) and the session row. */
    public record NewSession(String sessionId, SessionRow row, UserRow user) {
    }

    /** What a sign-in came to: a session, or a Chinese reason (the same for a wrong name and a wrong password). */
    public record LoginResult(NewSession session, String refusal, boolean locked) {
        public boolean ok() {
            return session != null;
        }
    }

    public static final String WRONG_CREDENTIALS = "账号或密码错误。";

    public LoginResult login(String name, String password, String ip) {
        long now = clock.millis();
        String account = name == null ? "" : name.trim();
        long since = now - settings.lockoutWindow().toMillis();
        if (store.loginAttempts().ipFailuresSince(ip, since) >= settings.ipFailures()) {
            return new LoginResult(null, "该网络地址登录失败次数过多，请 " + settings.lockoutWindow().toMinutes()
                    + " 分钟后再试。", true);
        }
        if (store.loginAttempts().failuresSince(account, since) >= settings.lockoutFailures()) {
            Long last = store.loginAttempts().lastFailureAt(account);
            long minutes = Math.max(1, ((last == null ? now : last) + settings.lockoutWindow().toMillis() - now + 59_999)
                    / 60_000);
            return new LoginResult(null, "连续登录失败 " + settings.lockoutFailures() + " 次，账号已暂时锁定，请 " + minutes
                    + " 分钟后再试，或请管理员重置密码。", true);
        }
        Optional<UserRow> user = store.users().findByName(account);
        boolean ok;
        if (user.isEmpty()) {
            passwords.burnTime(password);
            ok = false;
        } else {
            ok = passwords.matches(password, user.get().passwordHash()) && !user.get().disabled();
        }
        store.loginAttempts().insert(account, ip, now, ok);
        if (!ok) {
            return new LoginResult(null, WRONG_CREDENTIALS, false);
        }
        return new LoginResult(startSession(user.get(), ip), null, false);
    }

    private NewSession startSession(UserRow user, String ip) {
        long now = clock.millis();
        String id = Secrets.randomToken();
        String hash = Secrets.sha256(id);
        String csrf = Secrets.randomToken();
        long expires = Math.min(now + settings.sessionIdle().toMillis(), now + settings.sessionMaximum().toMillis());
        store.sessions().insert(hash, user.id(), csrf, now, expires, ip);
        store.sessions().deleteExpired(now);
        return new NewSession(id, new SessionRow(hash, user.id(), csrf, now, now, expires, ip), user);
    }

    /** The signed-in account of a session cookie, extending the idle timeout; empty when unknown or expired. */
    public Optional<Principal> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(sessionId);
        Optional<SessionRow> row = store.sessions().find(hash);
        long now = clock.millis();
        if (row.isEmpty() || row.get().expiresAt() < now) {
            row.ifPresent(r -> store.sessions().delete(hash));
            return Optional.empty();
        }
        Optional<UserRow> user = store.users().findById(row.get().userId());
        if (user.isEmpty() || user.get().disabled()) {
            store.sessions().delete(hash);
            return Optional.empty();
        }
        // Writing on every request would serialise readers on the database; a minute of slack is enough.
        if (now - row.get().lastSeenAt() > 60_000) {
            long expires = Math.min(now + settings.sessionIdle().toMillis(),
                    row.get().createdAt() + settings.sessionMaximum().toMillis());
            store.sessions().touch(hash, now, expires);
        }
        UserRow u = user.get();
        return Optional.of(new Principal(u.id(), u.name(), Role.valueOf(u.role()), u.unit(), hash,
                row.get().csrfToken(), false, u.mustChangePassword()));
    }

    public void logout(Principal principal) {
        if (principal.sessionHash() != null) {
            store.sessions().delete(principal.sessionHash());
        }
    }

    /** Changes the caller's own password after checking the current one; other sessions of the account end. */
    public Optional<String> changePassword(Principal principal, String current, String next) {
        UserRow user = store.users().findById(principal.userId()).orElseThrow();
        if (!passwords.matches(current, user.passwordHash())) {
            return Optional.of("当前密码不正确。");
        }
        Optional<String> weakness = Passwords.weakness(next, user.name());
        if (weakness.isPresent()) {
            return weakness;
        }
        if (passwords.matches(next, user.passwordHash())) {
            return Optional.of("新密码不能与当前密码相同。");
        }
        store.users().updatePassword(user.id(), passwords.hash(next), false, clock.millis());
        store.sessions().deleteOthers(user.id(), principal.sessionHash());
        return Optional.empty();
    }

    /** A new account with a generated first password (returned once; it must be changed at first sign-in). */
    public record Created(UserRow user, String password) {
    }

    public Created create(String name, Role role, String unit) {
        return create(name, role, unit, Passwords.generate(), true);
    }

    public Created create(String name, Role role, String unit, String password, boolean mustChange) {
        String problem = accountProblem(name, role, unit);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (store.users().findByName(name).isPresent()) {
            throw new IllegalArgumentException("账号 " + name + " 已存在。");
        }
        long id = store.users().insert(name, role.name(), role == Role.uploader ? unit : null, passwords.hash(password),
                mustChange, clock.millis());
        return new Created(store.users().findById(id).orElseThrow(), password);
    }

    /** A new generated password for an account, to be changed at next sign-in; its sessions end. */
    public String resetPassword(long userId) {
        String password = Passwords.generate();
        store.users().updatePassword(userId, passwords.hash(password), true, clock.millis());
        store.sessions().deleteForUser(userId);
        return password;
    }

    public void setDisabled(long userId, boolean disabled) {
        UserRow user = store.users().findById(userId).orElseThrow(() -> new IllegalArgumentException("账号不存在。"));
        if (disabled && Role.admin.name().equals(user.role()) && !user.disabled()
                && store.users().countActiveAdmins() <= 1) {
            throw new IllegalArgumentException("不能停用最后一个管理员账号。");
        }
        store.users().setDisabled(userId, disabled);
        if (disabled) {
            store.sessions().deleteForUser(userId);
        }
    }

    public List<UserRow> all() {
        return store.users().all();
    }

    static String accountProblem(String name, Role role, String unit) {
        if (name == null || !name.matches("[A-Za-z0-9_.\\-]{3,64}")) {
            return "账号名应为 3–64 个字母、数字或 _ . -，实际为“" + name + "”。";
        }
        if (role == Role.uploader) {
            if (unit == null || ReportingUnit.parse(unit).isEmpty()) {
                return "填报员必须绑定一个报送单位（部门代码:6位区划代码，如 civil_affairs:320312），实际为“" + unit + "”。";
            }
        } else if (unit != null && !unit.isBlank()) {
            return "只有填报员（uploader）绑定报送单位；" + role.label() + "不需要 --unit。";
        }
        return null;
    }

    /**
     * On first start: an admin account when there is no account at all, with AGING_ADMIN_PASSWORD or a random
     * password (returned so the caller prints it once). It must be changed at first sign-in either way.
     */
    public Optional<Created> ensureFirstAdmin(Map<String, String> env) {
        if (store.users().count() > 0) {
            return Optional.empty();
        }
        String fromEnv = env.get("AGING_ADMIN_PASSWORD");
        String password = fromEnv == null || fromEnv.isBlank() ? Passwords.generate() : fromEnv;
        return Optional.of(create(FIRST_ADMIN, Role.admin, null, password, true));
    }

    /** `aging demo`: an account that may skip the forced change, with a new random password if it exists. */
    public String demoAccount(String name, Role role, String unit) {
        String password = Passwords.generate();
        Optional<UserRow> existing = store.users().findByName(name);
        if (existing.isPresent()) {
            store.users().updatePassword(existing.get().id(), passwords.hash(password), false, clock.millis());
            if (existing.get().disabled()) {
                store.users().setDisabled(existing.get().id(), false);
            }
        } else {
            create(name, role, unit, password, false);
        }
        return password;
    }
}
