package cn.yinling.dashboard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A client of the running app over real HTTP: anonymous, signed in (cookie + CSRF header) or with a bearer token. */
final class PortalClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String csrf;
    private String bearer;

    private PortalClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static PortalClient anonymous(String base) {
        return new PortalClient(base);
    }

    static PortalClient withToken(String base, String token) {
        PortalClient client = new PortalClient(base);
        client.bearer = token;
        return client;
    }

    /** Signs in as the login page does; fails the test when the sign-in is refused. */
    static PortalClient login(String base, String name, String password) {
        PortalClient client = new PortalClient(base);
        Response r = client.tryLogin(name, password);
        if (r.status() != 200) {
            throw new AssertionError("login of " + name + " answered " + r.status() + " " + r.text());
        }
        client.csrf = r.json().get("csrf_token").asText();
        return client;
    }

    Response tryLogin(String name, String password) {
        return trySignIn(json(Map.of("name", name, "password", password)));
    }

    /** Posts {@code body} to the sign-in as the login page does, with the form's double-submit token. */
    Response trySignIn(String body) {
        String token = get("/api/v1/session/csrf").json().get("csrf_token").asText();
        return send(request("/api/v1/session").header("Content-Type", "application/json")
                .header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder b, boolean sendCsrf) {
        if (sendCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return b;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return post(path, body, true);
    }

    Response post(String path, Object body, boolean sendCsrf) {
        return postText(path, body == null ? "{}" : json(body), sendCsrf);
    }

    /** A POST of {@code text} as it is, said to be JSON: for bodies a client gets wrong. */
    Response postText(String path, String text) {
        return postText(path, text, true);
    }

    private Response postText(String path, String text, boolean sendCsrf) {
        return send(withCsrf(request(path), sendCsrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    Response put(String path, Object body) {
        return send(withCsrf(request(path), true).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response delete(String path) {
        return send(withCsrf(request(path), true).DELETE());
    }

    /** A multipart upload as the page (or a unit's system) sends it. */
    Response upload(String feed, String period, String unit, String fileName, byte[] content) {
        return upload(feed, period, unit, fileName, content, true);
    }

    Response upload(String feed, String period, String unit, String fileName, byte[] content, boolean sendCsrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("feed", feed);
        fields.put("period", period);
        if (unit != null) {
            fields.put("unit", unit);
        }
        String boundary = "----aging" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.toByteArray()))
                : HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
        return send(withCsrf(request("/api/v1/batches"), sendCsrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(publisher));
    }

    private boolean chunked;

    /** Sends uploads without a Content-Length (chunked), as a streaming client does. */
    PortalClient chunked() {
        chunked = true;
        return this;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
