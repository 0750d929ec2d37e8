package cn.yinling.dashboard.auth;

import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.web.ApiException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what. Pages (HTML files, and routes outside /api/ such as /themes/{group}) without a session go to
 * the login page, with the wrong role get 403; API calls without one get 401, with the wrong role 403. Every state-changing call made with a session must carry the session's CSRF token in the
 * {@code X-CSRF-Token} header (a bearer-token call needs none: no browser sends a bearer token by itself). An account
 * that still has its first password may only change it.
 */
public final class AuthFilter {

    public static final String SESSION_COOKIE = "aging_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** Pages open to everyone; every other page needs a session. */
    private static final Set<String> PUBLIC_PAGES = Set.of("/login.html");
    private static final String PASSWORD_PAGE = "/password.html";
    /** Pages only some roles may open (their API refuses the others anyway). */
    private static final Map<String, Set<Role>> PAGE_ROLES = Map.of(
            "/portal.html", Set.of(Role.uploader, Role.admin),
            "/submissions.html", Set.of(Role.planner, Role.admin),
            "/admin.html", Set.of(Role.admin),
            "/report.html", Set.of(Role.leader, Role.planner, Role.admin),
            // leaders see the summary only (the API refuses them the lists of persons)
            "/audit.html", Set.of(Role.leader, Role.planner, Role.admin));

    private final Accounts accounts;
    private final ApiTokenService tokens;
    private final AuditLog audit;

    public AuthFilter(Accounts accounts, ApiTokenService tokens, AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** The signed-in account of the request's session cookie, if any. */
    public Optional<Principal> sessionOf(Context ctx) {
        return accounts.session(ctx.cookie(SESSION_COOKIE));
    }

    /**
     * A page: an HTML file, or a path without a file extension outside the API (the index, a routed page such as
     * /themes/population, or one that does not exist: without a session nobody learns which).
     */
    static boolean isPage(String path) {
        if (path.startsWith("/api/")) {
            return false;
        }
        return path.endsWith(".html") || path.substring(path.lastIndexOf('/') + 1).indexOf('.') < 0;
    }

    /** Before every request: pages. */
    public void pages(Context ctx) {
        String path = ctx.path();
        if (!isPage(path) || PUBLIC_PAGES.contains(path)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<Principal> principal = sessionOf(ctx);
        if (principal.isEmpty()) {
            String back = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect("/login.html?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.FOUND);
            ctx.skipRemainingHandlers();
            return;
        }
        if (principal.get().mustChangePassword() && !path.equals(PASSWORD_PAGE)) {
            ctx.redirect(PASSWORD_PAGE, HttpStatus.FOUND);
            ctx.skipRemainingHandlers();
            return;
        }
        Set<Role> allowed = PAGE_ROLES.get(path);
        if (allowed != null && !allowed.contains(principal.get().role())) {
            refusePage(ctx, principal.get());
        }
    }

    private void refusePage(Context ctx, Principal principal) {
        ctx.attribute(Principal.ATTRIBUTE, principal);
        audit.record(ctx, AuditLog.ACCESS_DENIED, ctx.path(), null, "denied");
        ctx.status(403).contentType("text/html; charset=utf-8").result("<!DOCTYPE html><meta charset=utf-8>"
                + "<title>无权访问</title><p>您的角色（" + principal.role().label() + "）无权访问此页面。"
                + "<a href=\"/\">返回首页</a></p>");
        ctx.skipRemainingHandlers();
    }

    /** Before every matched endpoint: the API. */
    public void api(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (!ctx.path().startsWith("/api/")) {
            // Static files (scripts, styles, pages) list no roles: pages() has guarded the pages, the rest holds no
            // data. A routed page (/themes/{group}) lists its roles like the API; pages() has already sent a
            // request without a session to the login page.
            if (!roles.isEmpty()) {
                Principal principal = sessionOf(ctx).orElseThrow(() -> ApiException.unauthorized("请先登录。"));
                if (!roles.contains(principal.role())) {
                    refusePage(ctx, principal);
                }
            }
            return;
        }
        // A route that lists no roles is open to nobody: forgetting them fails closed.
        if (roles.contains(Access.ANYONE)) {
            return;
        }
        Principal principal = principal(ctx, roles.contains(Access.API_TOKEN));
        ctx.attribute(Principal.ATTRIBUTE, principal);
        if (principal.mustChangePassword() && !roles.contains(Access.BEFORE_PASSWORD_CHANGE)) {
            throw new ApiException(403, "首次登录须先修改初始密码，请到“修改密码”页面设置新密码。");
        }
        if (!roles.contains(principal.role())) {
            audit.record(ctx, AuditLog.ACCESS_DENIED, ctx.method() + " " + ctx.path(), null, "denied");
            throw ApiException.forbidden("您的角色（" + principal.role().label() + "）无权执行此操作。");
        }
        if (!principal.viaToken() && changesState(ctx)
                && !Secrets.constantTimeEquals(ctx.header(CSRF_HEADER), principal.csrfToken())) {
            audit.record(ctx, AuditLog.ACCESS_DENIED, ctx.method() + " " + ctx.path(), "CSRF token missing or wrong",
                    "denied");
            throw ApiException.forbidden("请求缺少有效的 CSRF 令牌（页面可能已过期），请刷新页面后重试。");
        }
    }

    private Principal principal(Context ctx, boolean tokenAllowed) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("Authorization 头应为“Bearer 令牌”。");
            }
            if (!tokenAllowed) {
                throw ApiException.unauthorized("此接口不接受 API 令牌，请登录后访问。");
            }
            return tokens.authenticate(authorization.substring(7).trim())
                    .orElseThrow(() -> ApiException.unauthorized("API 令牌无效或已被吊销，请向管理员申请新令牌。"));
        }
        return sessionOf(ctx).orElseThrow(() -> ApiException.unauthorized("请先登录。"));
    }

    static boolean changesState(Context ctx) {
        String method = ctx.method().name();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    public static Principal current(Context ctx) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        if (p == null) {
            throw ApiException.unauthorized("请先登录。");
        }
        return p;
    }
}
