package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Accounts;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One signed-in session of a new account against the running app over real HTTP (cookie, CSRF header). */
final class AuditClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    record Response(int status, byte[] body, HttpResponse<byte[]> raw) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final String cookie;
    private final String csrf;

    private AuditClient(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static AuditClient anonymous(String base) {
        return new AuditClient(base, null, null);
    }

    /** A new account of the role, signed in. */
    static AuditClient signIn(String base, Dependencies deps, String name, Role role, String unit) {
        TestDependencies.account(deps, name, role, unit);
        return session(base, deps, name);
    }

    /** Another session of an existing account. */
    static AuditClient session(String base, Dependencies deps, String name) {
        Accounts.LoginResult login = deps.accounts().login(name, TestDependencies.PASSWORD, "127.0.0.1");
        return new AuditClient(base, "aging_session=" + login.session().sessionId(), login.session().row().csrfToken());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return post(path, body, true);
    }

    Response post(String path, Object body, boolean withCsrf) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        try {
            return send(b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
