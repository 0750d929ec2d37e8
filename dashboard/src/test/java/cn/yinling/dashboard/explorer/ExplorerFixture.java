package cn.yinling.dashboard.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.dashboard.PublishedVersionFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.nio.file.Path;
import okhttp3.Response;

/**
 * The explorer's fixture version (resources cn/yinling/dashboard/explorer/: dims.sql, mart_kpi.sql, pyramid.sql,
 * lineage.json) and what its tests share.
 */
final class ExplorerFixture {

    static final String CITY = "320300000000";
    static final String GULOU = "320302000000";
    static final String YUNLONG = "320303000000";
    static final String HUANGLOU_STREET = "320302001000";
    static final String HUANGLOU_COMMUNITY = "320302001001";
    /** The community whose name, from an uploaded feed, looks like a formula: =1+2社区居委会 */
    static final String FORMULA_COMMUNITY = "320302001002";
    static final ObjectMapper JSON = new ObjectMapper();

    private ExplorerFixture() {
    }

    static void publish(Path home) {
        new PublishedVersionFixture(home).publishFrom(1, "cn/yinling/dashboard/explorer/", "lineage.json",
                "dims.sql", "mart_kpi.sql", "pyramid.sql");
    }

    static JsonNode json(HttpClient client, String cookie, String path, int expectedStatus) throws IOException {
        try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
            String body = response.body().string();
            assertEquals(expectedStatus, response.code(), path + " answered " + body);
            return JSON.readTree(body);
        }
    }

    /** The error message of a refused request. */
    static String error(HttpClient client, String cookie, String path, int expectedStatus) throws IOException {
        return json(client, cookie, path, expectedStatus).get("error").asText();
    }
}
