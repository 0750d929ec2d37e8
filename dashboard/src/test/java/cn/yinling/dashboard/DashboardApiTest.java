package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardApiTest {

    static final String CITY = "320300000000";
    static final String GULOU = "320302000000";
    static final String HUANGLOU_STREET = "320302001000";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Dependencies deps;
    String cookie;

    @BeforeEach
    void publish() {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        deps = TestDependencies.create(home, Duration.ZERO);
        cookie = TestDependencies.sessionCookie(deps, "leader1", Role.leader, null);
    }

    @AfterEach
    void close() {
        deps.close();
    }

    JsonNode json(HttpClient client, String path, int expectedStatus) throws IOException {
        return json(client, cookie, path, expectedStatus);
    }

    static JsonNode json(HttpClient client, String cookie, String path, int expectedStatus) throws IOException {
        try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
            String body = response.body().string();
            assertEquals(expectedStatus, response.code(), path + " answered " + body);
            return JSON.readTree(body);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.get(field).asText()));
        return out;
    }

    static JsonNode card(JsonNode answer, String code) {
        for (JsonNode group : answer.get("groups")) {
            for (JsonNode card : group.get("cards")) {
                if (card.get("code").asText().equals(code)) {
                    return card;
                }
            }
        }
        throw new AssertionError("no card " + code + " in " + answer);
    }

    @Test
    void statusMonthsAndCatalog() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode status = json(client, "/api/v1/status", 200);
            assertTrue(status.get("published").asBoolean());
            assertEquals(1, status.get("version").asInt());

            JsonNode months = json(client, "/api/v1/months", 200);
            assertEquals("[\"2024-11\",\"2024-12\"]", months.get("months").toString());
            assertEquals("2024-12", months.get("latest").asText());

            JsonNode catalog = json(client, "/api/v1/catalog", 200);
            assertEquals("人口概况", catalog.get("groups").get(0).get("name").asText());
            JsonNode nursing = null;
            for (JsonNode kpi : catalog.get("kpis")) {
                if (kpi.get("code").asText().equals("nursing_bed_share")) {
                    nursing = kpi;
                }
            }
            assertEquals("≥55", nursing.get("target_text").asText());
            assertEquals("%", nursing.get("unit").asText());
        });
    }

    @Test
    void cardsGroupOnlyPublishedKpisWithPreviousMonthChangeAndTargetStatus() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode answer = json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-12", 200);
            assertEquals("2024-12", answer.get("month").asText());
            assertEquals("2024-11", answer.get("previous_month").asText());
            assertEquals("徐州市", answer.get("region").get("name").asText());
            assertEquals(List.of("population", "services"), texts(answer.get("groups"), "code"));
            assertEquals(List.of("pop_total", "aging_rate_60"), texts(answer.get("groups").get(0).get("cards"), "code"));
            assertEquals(List.of("nursing_bed_share", "facilities_open", "visit_rate"),
                    texts(answer.get("groups").get(1).get("cards"), "code"), "catalog order");

            JsonNode population = card(answer, "pop_total");
            assertEquals(1010.0, population.get("value").asDouble());
            assertEquals(1000.0, population.get("previous_value").asDouble());
            assertEquals(10.0, population.get("change").asDouble());
            assertEquals("none", population.get("status").asText());
            assertEquals("人", population.get("unit").asText());

            JsonNode aging = card(answer, "aging_rate_60");
            assertEquals(1.5, aging.get("change").asDouble(), 1e-9, "24.0 - 22.5");
            assertEquals(242.4, aging.get("numerator").asDouble());
            assertEquals(1010.0, aging.get("denominator").asDouble());

            JsonNode nursing = card(answer, "nursing_bed_share");
            assertEquals(60.0, nursing.get("value").asDouble());
            assertEquals(55.0, nursing.get("target").asDouble());
            assertEquals("≥55", nursing.get("target_text").asText());
            assertEquals("met", nursing.get("status").asText());

            JsonNode facilities = card(answer, "facilities_open");
            assertEquals(7.0, facilities.get("value").asDouble());
            assertEquals(1.0, facilities.get("change").asDouble());
            JsonNode parts = facilities.get("breakdowns");
            assertEquals(List.of("day_care_center", "institution"), texts(parts, "code"));
            assertEquals(List.of("街道日间照料中心", "养老机构"), texts(parts, "label"));
            assertEquals(4.0, parts.get(0).get("value").asDouble());
            assertEquals(1.0, parts.get(0).get("change").asDouble());
            assertEquals(0.0, parts.get(1).get("change").asDouble());

            JsonNode visits = card(answer, "visit_rate");
            assertTrue(visits.get("value").isNull(), "no special-hardship elderly: no value");
            assertTrue(visits.get("change").isNull());
            assertEquals("none", visits.get("status").asText());
            assertEquals(80.0, visits.get("previous_value").asDouble());

            JsonNode november = json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-11", 200);
            assertEquals("not_met", card(november, "nursing_bed_share").get("status").asText(), "50 < 55");
            assertEquals("not_met", card(november, "visit_rate").get("status").asText(), "80 < 100");
            assertTrue(card(november, "pop_total").get("previous_value").isNull());

            JsonNode defaults = json(client, "/api/v1/kpis", 200);
            assertEquals(CITY, defaults.get("region").get("region_code").asText());
            assertEquals("2024-12", defaults.get("month").asText());
        });
    }

    @Test
    void trendAndChildrenTableDrillDown() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode trend = json(client, "/api/v1/kpis/pop_total/trend?region=" + GULOU, 200);
            assertEquals(List.of("2024-11", "2024-12"), texts(trend.get("points"), "month"));
            assertEquals(600.0, trend.get("points").get(0).get("value").asDouble());
            assertEquals(605.0, trend.get("points").get(1).get("value").asDouble());

            JsonNode byType = json(client, "/api/v1/kpis/facilities_open/trend?region=" + CITY + "&breakdown=institution", 200);
            assertEquals(List.of("3.0", "3.0"), texts(byType.get("points"), "value"));

            JsonNode districts = json(client, "/api/v1/kpis/nursing_bed_share/children?region=" + CITY + "&month=2024-12", 200);
            assertEquals(List.of("鼓楼区", "云龙区"), texts(districts.get("rows"), "region_name"));
            assertEquals(List.of("met", "not_met"), texts(districts.get("rows"), "status"), "75 ≥ 55, 37.5 < 55");

            JsonNode streets = json(client, "/api/v1/kpis/pop_total/children?region=" + GULOU + "&month=2024-12", 200);
            assertEquals(List.of("黄楼街道", "丰财街道"), texts(streets.get("rows"), "region_name"));
            assertEquals(List.of("352.0", "253.0"), texts(streets.get("rows"), "value"));
            assertTrue(streets.get("rows").get(0).get("has_children").asBoolean());

            JsonNode communities = json(client, "/api/v1/kpis/pop_total/children?region=" + HUANGLOU_STREET + "&month=2024-11", 200);
            assertEquals(List.of("200.0", "150.0"), texts(communities.get("rows"), "value"));
            assertFalse(communities.get("rows").get(0).get("has_children").asBoolean());
        });
    }

    @Test
    void regionWithBreadcrumbAndChildren() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode community = json(client, "/api/v1/regions/320302001001", 200);
            assertEquals("黄楼社区居委会", community.get("region").get("name").asText());
            assertEquals(List.of("徐州市", "鼓楼区", "黄楼街道"), texts(community.get("ancestors"), "name"));
            assertEquals(0, community.get("children").size());

            JsonNode district = json(client, "/api/v1/regions/" + GULOU, 200);
            assertEquals(List.of("黄楼街道", "丰财街道"), texts(district.get("children"), "name"));
            assertEquals(List.of("徐州市"), texts(json(client, "/api/v1/regions", 200), "name"));
        });
    }

    @Test
    void badParametersGetChineseMessages() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            assertTrue(json(client, "/api/v1/kpis?month=2024-13", 400).get("error").asText().contains("YYYY-MM"));
            assertTrue(json(client, "/api/v1/kpis?month=十二月", 400).get("error").asText().contains("月份格式"));
            assertTrue(json(client, "/api/v1/kpis?region=3203", 400).get("error").asText().contains("12位数字"));
            assertTrue(json(client, "/api/v1/kpis?region=320399999999", 404).get("error").asText().contains("未找到区划代码"));
            assertTrue(json(client, "/api/v1/kpis/no_such_kpi/trend", 404).get("error").asText().contains("未知指标代码"));
        });
    }

    @Test
    void kpiApiAndPagesNeedASignIn() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            try (Response anonymous = client.get("/api/v1/kpis")) {
                assertEquals(401, anonymous.code());
                assertTrue(anonymous.body().string().contains("请先登录"));
            }
            try (Response page = client.get("/")) {
                assertEquals(200, page.code(), "okhttp follows the redirect to the login page");
                assertTrue(page.request().url().encodedPath().equals("/login.html"), page.request().url().toString());
                assertTrue(page.body().string().contains("id=\"login-form\""));
            }
            try (Response bogus = client.get("/api/v1/kpis", request -> request.header("Cookie", "aging_session=forged"))) {
                assertEquals(401, bogus.code());
            }
        });
    }

    @Test
    void pagesAndEchartsAreServedFromTheJar() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            try (Response page = client.get("/", request -> request.header("Cookie", cookie))) {
                assertEquals(200, page.code());
                String html = page.body().string();
                assertTrue(html.contains("银龄数仓 · 老龄事业发展监测"), html);
                assertTrue(html.contains("/webjars/echarts/5.3.1/dist/echarts.min.js"));
            }
            try (Response script = client.get("/app.js")) {
                assertEquals(200, script.code());
            }
            try (Response echarts = client.get("/webjars/echarts/5.3.1/dist/echarts.min.js")) {
                assertEquals(200, echarts.code());
                assertTrue(echarts.body().string().length() > 500_000, "the whole minified ECharts");
            }
        });
    }

    @Test
    void withoutAPublishedVersionThePageSaysHowToPublishAndTheApiAnswers503(@TempDir Path emptyHome) {
        try (Dependencies empty = TestDependencies.create(emptyHome, Duration.ZERO)) {
            String planner = TestDependencies.sessionCookie(empty, "planner1", Role.planner, null);
            JavalinTest.test(DashboardApp.create(empty), (server, client) -> {
                JsonNode status = json(client, planner, "/api/v1/status", 200);
                assertFalse(status.get("published").asBoolean());
                assertTrue(status.get("message").asText().contains("./aging etl"));
                assertTrue(json(client, planner, "/api/v1/kpis", 503).get("error").asText().contains("./aging etl"));
                assertTrue(json(client, planner, "/api/v1/months", 503).get("error").asText().contains("尚未发布"));
                try (Response page = client.get("/", request -> request.header("Cookie", planner))) {
                    assertEquals(200, page.code());
                }
            });
        }
    }
}
