package cn.yinling.dashboard.web;

import io.javalin.http.Context;

/**
 * Set-Cookie headers written out in full, because the session cookie needs SameSite=Strict, HttpOnly and (over HTTPS)
 * Secure together.
 */
public final class Cookies {

    private Cookies() {
    }

    public static void set(Context ctx, String name, String value, String path, long maxAgeSeconds, boolean secure) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            header.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            header.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", header.toString());
    }

    public static void clear(Context ctx, String name, String path, boolean secure) {
        set(ctx, name, "", path, 0, secure);
    }
}
