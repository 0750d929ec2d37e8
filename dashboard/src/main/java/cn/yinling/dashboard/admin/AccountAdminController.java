package cn.yinling.dashboard.admin;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.appstate.TokenRow;
import cn.yinling.dashboard.appstate.UserRow;
import cn.yinling.dashboard.audit.AuditLog;
import cn.yinling.dashboard.auth.AuthFilter;
import cn.yinling.dashboard.auth.Principal;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.dashboard.web.ApiException;
import io.javalin.http.Context;
import java.util.List;

/** Admin pages: accounts (create, reset password, disable) and the units' API tokens (create, revoke). */
public final class AccountAdminController {

    public record UserView(long id, String name, String role, String roleLabel, String unit, boolean disabled,
            boolean mustChangePassword, long createdAt) {
    }

    public record NewUser(String name, String role, String unit) {
    }

    public record Created(UserView user, String password) {
    }

    public record TokenView(long id, String unit, long createdAt, String createdBy, Long revokedAt, String revokedBy,
            Long lastUsedAt) {
    }

    public record UnitRequest(String unit) {
    }

    public record NewToken(String unit, String token) {
    }

    public record Revoked(String unit, int revoked) {
    }

    private final Dependencies deps;

    public AccountAdminController(Dependencies deps) {
        this.deps = deps;
    }

    static UserView view(UserRow u) {
        Role role = Role.valueOf(u.role());
        return new UserView(u.id(), u.name(), u.role(), role.label(), u.unit(), u.disabled(), u.mustChangePassword(),
                u.createdAt());
    }

    /** GET /api/v1/admin/users */
    public void users(Context ctx) {
        ctx.json(deps.accounts().all().stream().map(AccountAdminController::view).toList());
    }

    /** POST /api/v1/admin/users {name, role, unit}: the generated first password is in the answer, once. */
    public void createUser(Context ctx) {
        NewUser request = ctx.bodyAsClass(NewUser.class);
        Role role = Role.parse(request.role()).orElseThrow(() -> ApiException.badRequest(
                "角色应为 leader、planner、uploader 或 admin，实际为：" + request.role()));
        String unit = request.unit() == null || request.unit().isBlank() ? null : request.unit().trim();
        var created = deps.accounts().create(request.name() == null ? null : request.name().trim(), role, unit);
        deps.audit().record(ctx, AuditLog.ADMIN, "user:" + created.user().name(),
                "create role=" + role + (unit == null ? "" : " unit=" + unit), "ok");
        ctx.status(201).json(new Created(view(created.user()), created.password()));
    }

    /** POST /api/v1/admin/users/{id}/reset-password */
    public void resetPassword(Context ctx) {
        UserRow user = user(ctx);
        String password = deps.accounts().resetPassword(user.id());
        deps.audit().record(ctx, AuditLog.ADMIN, "user:" + user.name(), "reset password", "ok");
        ctx.json(new Created(view(deps.store().users().findById(user.id()).orElseThrow()), password));
    }

    /** POST /api/v1/admin/users/{id}/disable and …/enable */
    public void setDisabled(Context ctx, boolean disabled) {
        UserRow user = user(ctx);
        Principal me = AuthFilter.current(ctx);
        if (disabled && me.userId() != null && me.userId() == user.id()) {
            throw ApiException.badRequest("不能停用自己的账号。");
        }
        deps.accounts().setDisabled(user.id(), disabled);
        deps.audit().record(ctx, AuditLog.ADMIN, "user:" + user.name(), disabled ? "disable" : "enable", "ok");
        ctx.json(view(deps.store().users().findById(user.id()).orElseThrow()));
    }

    private UserRow user(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("账号不存在。");
        }
        return deps.store().users().findById(id).orElseThrow(() -> ApiException.notFound("账号不存在。"));
    }

    /** GET /api/v1/admin/tokens: never the tokens themselves. */
    public void tokens(Context ctx) {
        List<TokenView> rows = deps.tokens().all().stream().map(AccountAdminController::view).toList();
        ctx.json(rows);
    }

    static TokenView view(TokenRow t) {
        return new TokenView(t.id(), t.unit(), t.createdAt(), t.createdBy(), t.revokedAt(), t.revokedBy(),
                t.lastUsedAt());
    }

    /** POST /api/v1/admin/tokens {unit}: the token is in the answer, once. */
    public void createToken(Context ctx) {
        UnitRequest request = ctx.bodyAsClass(UnitRequest.class);
        Principal me = AuthFilter.current(ctx);
        String token = deps.tokens().create(request.unit() == null ? null : request.unit().trim(), me.name());
        deps.audit().record(ctx, AuditLog.ADMIN, "token:" + request.unit(), "create", "ok");
        ctx.status(201).json(new NewToken(request.unit().trim(), token));
    }

    /** POST /api/v1/admin/tokens/revoke {unit} */
    public void revokeTokens(Context ctx) {
        UnitRequest request = ctx.bodyAsClass(UnitRequest.class);
        Principal me = AuthFilter.current(ctx);
        int revoked = deps.tokens().revoke(request.unit(), me.name());
        deps.audit().record(ctx, AuditLog.ADMIN, "token:" + request.unit(), "revoke " + revoked, "ok");
        ctx.json(new Revoked(request.unit(), revoked));
    }
}
