package cn.yinling.dashboard.auth;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.dashboard.web.Cookies;
import io.javalin.http.Context;
import java.util.Optional;

/** Sign-in, sign-out, who am I, and changing one's own password. */
public final class AuthController {

    /** Double-submit cookie for the sign-in form, which has no session (and so no session CSRF token) yet. */
    static final String LOGIN_CSRF_COOKIE = "aging_login_csrf";
    private static final String LOGIN_CSRF_PATH = "/api/v1/session";

    public record LoginRequest(String name, String password) {
    }

    public record PasswordRequest(String currentPassword, String newPassword) {
    }

    public record Me(String name, String role, String roleLabel, String unit, String unitName,
            boolean mustChangePassword, String csrfToken) {
    }

    public record CsrfAnswer(String csrfToken) {
    }

    private final Dependencies deps;

    public AuthController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/session/csrf: a token for the sign-in form, also set as a cookie the form must match. */
    public void loginCsrf(Context ctx) {
        String token = Secrets.randomToken();
        Cookies.set(ctx, LOGIN_CSRF_COOKIE, token, LOGIN_CSRF_PATH, 3600, secure(ctx));
        ctx.json(new CsrfAnswer(token));
    }

    /** POST /api/v1/session {name, password}: signs in; sets the session cookie. */
    public void login(Context ctx) {
        String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (expected == null || !Secrets.constantTimeEquals(expected, ctx.header(AuthFilter.CSRF_HEADER))) {
            deps.audit().record(ctx, "anonymous", null, AuditLog.ACCESS_DENIED, "POST /api/v1/session",
                    "login without CSRF token", "denied");
            throw ApiException.forbidden("登录请求缺少有效的 CSRF 令牌，请刷新登录页面后重试。");
        }
        LoginRequest request = ctx.bodyAsClass(LoginRequest.class);
        String name = request.name() == null ? "" : request.name().trim();
        if (name.length() > 64) {
            throw ApiException.badRequest("账号名过长。");
        }
        Accounts.LoginResult result = deps.accounts().login(name, request.password(), deps.addresses().of(ctx));
        if (!result.ok()) {
            deps.audit().record(ctx, name, null, AuditLog.LOGIN_FAILED, name, result.locked() ? "locked" : null,
                    "denied");
            throw new ApiException(result.locked() ? 429 : 401, result.refusal());
        }
        Accounts.NewSession session = result.session();
        Cookies.set(ctx, AuthFilter.SESSION_COOKIE, session.sessionId(), "/", -1, secure(ctx));
        Cookies.clear(ctx, LOGIN_CSRF_COOKIE, LOGIN_CSRF_PATH, secure(ctx));
        deps.audit().record(ctx, session.user().name(), session.user().role(), AuditLog.LOGIN, session.user().name(),
                null, "ok");
        var u = session.user();
        ctx.json(me(new Principal(u.id(), u.name(), Role.valueOf(u.role()), u.unit(), session.row().idSha256(),
                session.row().csrfToken(), false, u.mustChangePassword())));
    }

    /** GET /api/v1/session: the signed-in account and its CSRF token for the page's requests. */
    public void me(Context ctx) {
        ctx.json(me(AuthFilter.current(ctx)));
    }

    /** POST /api/v1/session/logout */
    public void logout(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        deps.accounts().logout(principal);
        Cookies.clear(ctx, AuthFilter.SESSION_COOKIE, "/", secure(ctx));
        deps.audit().record(ctx, AuditLog.LOGOUT, principal.name(), null, "ok");
        ctx.status(204);
    }

    /** POST /api/v1/session/password {current_password, new_password} */
    public void changePassword(Context ctx) {
        Principal principal = AuthFilter.current(ctx);
        PasswordRequest request = ctx.bodyAsClass(PasswordRequest.class);
        Optional<String> refusal = deps.accounts().changePassword(principal, request.currentPassword(),
                request.newPassword());
        if (refusal.isPresent()) {
            deps.audit().record(ctx, AuditLog.PASSWORD_CHANGE, principal.name(), refusal.get(), "refused");
            throw ApiException.badRequest(refusal.get());
        }
        deps.audit().record(ctx, AuditLog.PASSWORD_CHANGE, principal.name(), null, "ok");
        ctx.json(me(new Principal(principal.userId(), principal.name(), principal.role(), principal.unit(),
                principal.sessionHash(), principal.csrfToken(), false, false)));
    }

    private Me me(Principal p) {
        String unitName = p.unit() == null ? null
                : deps.units().find(p.unit()).map(u -> u.name()).orElse(null);
        return new Me(p.name(), p.role().name(), p.role().label(), p.unit(), unitName, p.mustChangePassword(),
                p.csrfToken());
    }

    private boolean secure(Context ctx) {
        return deps.settings().secureCookies() || deps.addresses().isHttps(ctx);
    }
}
