package cn.yinling.dashboard.web;

import io.javalin.http.Context;

/**
 * Where a request comes from and whether it came over HTTPS. Behind a reverse proxy (AGING_BEHIND_PROXY=true) the
 * proxy's X-Forwarded-For / X-Forwarded-Proto are believed; otherwise they are ignored, since any client can send them.
 */
public final class ClientAddress {

    private final boolean behindProxy;

    public ClientAddress(boolean behindProxy) {
        this.behindProxy = behindProxy;
    }

    public String of(Context ctx) {
        if (behindProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return ctx.ip();
    }

    public boolean isHttps(Context ctx) {
        if (ctx.req().isSecure()) {
            return true;
        }
        return behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
