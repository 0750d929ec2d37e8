package cn.yinling.dashboard.explorer;

import static cn.yinling.dashboard.explorer.ExplorerFixture.CITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.FORMULA_COMMUNITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.GULOU;
import static cn.yinling.dashboard.explorer.ExplorerFixture.HUANGLOU_COMMUNITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.HUANGLOU_STREET;
import static cn.yinling.dashboard.explorer.ExplorerFixture.YUNLONG;
import static cn.yinling.dashboard.explorer.ExplorerFixture.error;
import static cn.yinling.dashboard.explorer.ExplorerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/explorer/… over the explorer fixture (mart_kpi.sql): every value and change below is worked out by
 * hand from its rows. Published months: 2023-11, 2023-12, 2024-11, 2024-12 (2024-10 is not one).
 */
class ExplorerApiTest {

    static final double EPS = 1e-9;

    @TempDir
    Path home;
    Dependencies deps;
    String leader;

    @BeforeEach
    void publish() {
        ExplorerFixture.publish(home);
        deps = TestDependencies.create(home, Duration.ZERO);
        leader = TestDependencies.sessionCookie(deps, "leader1", Role.leader, null);
    }

    @AfterEach
    void close() {
        deps.close();
    }

    static JsonNode point(JsonNode series, String month) {
        for (JsonNode p : series.get("points")) {
            if (p.get("month").asText().equals(month)) {
                return p;
            }
        }
        throw new AssertionError("no point " + month + " in " + series.get("key"));
    }

    static void assertNumber(double expected, JsonNode node, String field) {
        assertTrue(node.get(field).isNumber(), field + " should be a number in " + node);
        assertEquals(expected, node.get(field).asDouble(), EPS, field + " of " + node);
    }

    static void assertNull(JsonNode node, String field) {
        assertTrue(node.get(field).isNull(), field + " should be null in " + node);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void twoKpisOfTwoRegionsWithMonthOnMonthAndYearOnYearChanges() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode answer = json(client, leader, "/api/v1/explorer/series?kpis=aging_rate_60,pop_60&regions="
                    + CITY + "," + GULOU + "&from=2023-11&to=2024-12", 200);
            assertEquals(1, answer.get("version").asInt());
            assertEquals("[\"2023-11\",\"2023-12\",\"2024-11\",\"2024-12\"]", answer.get("months").toString(),
                    "2024-10 has no KPI rows, so it is no point");
            JsonNode series = answer.get("series");
            assertEquals(List.of("aging_rate_60|" + CITY + "|", "aging_rate_60|" + GULOU + "|", "pop_60|" + CITY + "|",
                    "pop_60|" + GULOU + "|"), texts(series, "key"), "KPI by KPI, each for the regions in the order asked");
            assertEquals("老龄化率(60岁+) · 徐州市", series.get(0).get("name").asText());
            assertEquals("个百分点", series.get(0).get("change_unit").asText());
            assertEquals("人", series.get(2).get("change_unit").asText());
            assertEquals("鼓楼区", series.get(1).get("region").get("name").asText());

            // aging_rate_60, city: 22.0, 22.5, 24.0, 24.6 (%): changes in percentage points, no rate
            JsonNode cityRate = series.get(0);
            JsonNode first = point(cityRate, "2023-11");
            assertNumber(22.0, first, "value");
            assertNumber(220, first, "numerator");
            assertNumber(1000, first, "denominator");
            assertNull(first, "mom_change");   // 2023-10 is not in the version
            assertNull(first, "yoy_change");   // nor 2022-11
            JsonNode dec23 = point(cityRate, "2023-12");
            assertNumber(0.5, dec23, "mom_change");        // 22.5 − 22.0
            assertNull(dec23, "mom_rate");                 // a % KPI has no growth rate
            assertEquals("2023-11", dec23.get("previous_month").asText());
            assertNumber(22.0, dec23, "previous_value");
            assertNull(dec23, "yoy_change");
            JsonNode nov24 = point(cityRate, "2024-11");
            assertNull(nov24, "mom_change");               // 2024-10: the month before is missing
            assertNull(nov24, "previous_value");
            assertEquals("2024-10", nov24.get("previous_month").asText());
            assertNumber(2.0, nov24, "yoy_change");        // 24.0 − 22.0
            assertEquals("2023-11", nov24.get("year_ago_month").asText());
            assertNumber(22.0, nov24, "year_ago_value");
            JsonNode dec24 = point(cityRate, "2024-12");
            assertNumber(0.6, dec24, "mom_change");        // 24.6 − 24.0
            assertNumber(2.1, dec24, "yoy_change");        // 24.6 − 22.5
            assertNull(dec24, "yoy_rate");
            assertEquals("ok", dec24.get("data_status").asText());

            // aging_rate_60, Gulou: no row for 2023-11
            JsonNode gulouRate = series.get(1);
            JsonNode missing = point(gulouRate, "2023-11");
            assertEquals("no_data", missing.get("data_status").asText());
            assertNull(missing, "value");
            assertNull(missing, "numerator");
            assertEquals("该区域本月没有该指标的数据。", missing.get("note").asText());
            assertNull(point(gulouRate, "2023-12"), "mom_change");   // its previous month has no figures
            assertNull(point(gulouRate, "2024-11"), "yoy_change");   // nor has the same month a year earlier
            assertNumber(0.5, point(gulouRate, "2024-12"), "mom_change");   // 21.5 − 21.0
            assertNumber(1.5, point(gulouRate, "2024-12"), "yoy_change");   // 21.5 − 20.0

            // pop_60 (people): the change in people and as a rate
            JsonNode cityPeople = point(series.get(2), "2024-12");
            assertNumber(246, cityPeople, "value");
            assertNull(cityPeople, "denominator");
            assertNumber(6, cityPeople, "mom_change");              // 246 − 240
            assertNumber(2.5, cityPeople, "mom_rate");              // 6 / 240
            assertNumber(21, cityPeople, "yoy_change");             // 246 − 225
            assertNumber(21.0 / 225 * 100, cityPeople, "yoy_rate"); // 9.33 %
            JsonNode gulouPeople = point(series.get(3), "2024-11");
            assertNull(gulouPeople, "mom_change");
            assertNumber(11, gulouPeople, "yoy_change");            // 126 − 115
            assertNumber(11.0 / 115 * 100, gulouPeople, "yoy_rate");
            assertNumber(5.0 / 115 * 100, point(series.get(3), "2023-12"), "mom_rate");   // 120 after 115
        });
    }

    @Test
    void theRangeLimitsThePointsButChangesLookBeyondIt() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode answer = json(client, leader, "/api/v1/explorer/series?kpis=aging_rate_60&from=2024-11", 200);
            assertEquals("[\"2024-11\",\"2024-12\"]", answer.get("months").toString(), "to: the newest month");
            assertEquals(1, answer.get("series").size(), "no regions: the city");
            assertEquals(CITY, answer.get("series").get(0).get("region").get("region_code").asText());
            assertNumber(2.0, point(answer.get("series").get(0), "2024-11"), "yoy_change"); // against 2023-11, outside

            JsonNode all = json(client, leader, "/api/v1/explorer/series?kpis=aging_rate_60", 200);
            assertEquals("2023-11", all.get("from").asText());
            assertEquals("2024-12", all.get("to").asText());
            assertEquals(4, all.get("series").get(0).get("points").size());

            JsonNode one = json(client, leader, "/api/v1/explorer/series?kpis=aging_rate_60&from=2023-12&to=2023-12", 200);
            assertEquals("[\"2023-12\"]", one.get("months").toString());
            assertNumber(0.5, point(one.get("series").get(0), "2023-12"), "mom_change");
        });
    }

    @Test
    void aFeedNotYetReceivedIsNoDataNotZeroAndGivesNoChange() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode series = json(client, leader, "/api/v1/explorer/series?kpis=longevity_coverage", 200)
                    .get("series").get(0);
            JsonNode nov23 = point(series, "2023-11");
            assertEquals("no_data", nov23.get("data_status").asText(), "allowance came from 2024-11 on");
            assertNull(nov23, "value");
            assertEquals("截至2023年11月尚未收到「高龄津贴及养老补贴发放」报送数据。", nov23.get("note").asText());
            // the mart's 0 of 2023-11 is no figure: 80 % is no rise of 80 points
            assertNull(point(series, "2024-11"), "yoy_change");
            assertNumber(80.0, point(series, "2024-11"), "value");
            assertEquals("not_met", point(series, "2024-11").get("status").asText());
            assertNumber(100, point(series, "2024-11"), "target");
            assertNumber(40.0 / 45 * 100 - 80, point(series, "2024-12"), "mom_change");   // 88.89 − 80 = 8.89 points
        });
    }

    @Test
    void aMonthWithoutValueHasNoChangeOnEitherSide() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode series = json(client, leader, "/api/v1/explorer/series?kpis=visit_rate", 200)
                    .get("series").get(0);
            JsonNode nov24 = point(series, "2024-11");
            assertEquals("no_value", nov24.get("data_status").asText());
            assertNull(nov24, "value");
            assertNumber(0, nov24, "numerator");
            assertNumber(0, nov24, "denominator");
            assertNull(nov24, "yoy_change");
            assertNull(point(series, "2024-12"), "mom_change");
            assertNumber(30, point(series, "2024-12"), "yoy_change");   // 80 − 50
            assertNumber(-25, point(series, "2023-12"), "mom_change");  // 50 − 75
        });
    }

    @Test
    void aBreakdownValueOfAByTypeKpi() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode options = json(client, leader, "/api/v1/explorer/breakdowns", 200).get("kpis");
            assertEquals(List.of("day_care_center", "institution"), texts(options.get("facilities_open"), "code"));
            assertEquals(List.of("街道日间照料中心", "养老机构"), texts(options.get("facilities_open"), "label"));
            assertFalse(options.has("pop_60"));

            JsonNode answer = json(client, leader, "/api/v1/explorer/series?kpis=facilities_open,pop_60"
                    + "&breakdown=facilities_open:institution", 200);
            JsonNode institutions = answer.get("series").get(0);
            assertEquals("facilities_open|" + CITY + "|institution", institutions.get("key").asText());
            assertEquals("养老机构", institutions.get("breakdown_label").asText());
            assertEquals("运营中养老服务设施数（养老机构） · 徐州市", institutions.get("name").asText());
            JsonNode dec24 = point(institutions, "2024-12");
            assertNumber(4, dec24, "value");
            assertNumber(0, dec24, "mom_change");             // 4 after 4
            assertNumber(0, dec24, "mom_rate");
            assertNumber(1, dec24, "yoy_change");             // 4 against 3
            assertNumber(100.0 / 3, dec24, "yoy_rate");
            assertTrue(answer.get("series").get(1).get("breakdown").isNull(), "pop_60: its total");

            JsonNode total = json(client, leader, "/api/v1/explorer/series?kpis=facilities_open", 200);
            assertNumber(7, point(total.get("series").get(0), "2024-12"), "value");
        });
    }

    @Test
    void regionSearchByNameOrCodeWithTheAncestorsOfEachMatch() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode byName = json(client, leader, "/api/v1/explorer/regions?q=" + enc("社区"), 200);
            assertEquals(List.of(HUANGLOU_COMMUNITY, FORMULA_COMMUNITY), texts(byName.get("regions"), "region_code"));
            assertEquals("徐州市 › 鼓楼区 › 黄楼街道", byName.get("regions").get(0).get("path").asText());
            assertEquals(5, byName.get("regions").get(0).get("level").asInt());
            assertFalse(byName.get("truncated").asBoolean());

            JsonNode byCode = json(client, leader, "/api/v1/explorer/regions?q=3203020010", 200);
            assertEquals(List.of(HUANGLOU_STREET, HUANGLOU_COMMUNITY, FORMULA_COMMUNITY),
                    texts(byCode.get("regions"), "region_code"), "the street first, then its communities");
            assertEquals("徐州市 › 鼓楼区", byCode.get("regions").get(0).get("path").asText());

            JsonNode city = json(client, leader, "/api/v1/explorer/regions?q=" + enc("徐州"), 200);
            assertEquals(List.of(CITY), texts(city.get("regions"), "region_code"), "the province is above every KPI");
            assertEquals("", city.get("regions").get(0).get("path").asText());
            assertTrue(error(client, leader, "/api/v1/explorer/regions?q=", 400).contains("请输入区域名称或区划代码"));
        });
    }

    @Test
    void badParametersAreRefusedWithChineseMessagesSayingWhatToFix() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            String base = "/api/v1/explorer/series?";
            assertTrue(error(client, leader, base + "regions=" + CITY, 400).contains("请至少选择一个指标"));
            assertEquals("未知指标代码：no_such_kpi，请从指标列表中选择。",
                    error(client, leader, base + "kpis=pop_60,no_such_kpi", 404));
            assertTrue(error(client, leader, base + "kpis=pop_60&regions=3203", 400).contains("区划代码应为12位数字"));
            assertTrue(error(client, leader, base + "kpis=pop_60&regions=" + CITY + ",320399999999", 404)
                    .contains("未找到区划代码 320399999999"));
            assertEquals("月份格式应为 YYYY-MM，例如 2024-12，实际为：2024-13",
                    error(client, leader, base + "kpis=pop_60&from=2024-13", 400));
            assertTrue(error(client, leader, base + "kpis=pop_60&to=2024/12", 400).contains("月份格式应为 YYYY-MM"));
            assertEquals("当前数仓版本没有 2024-10 的指标数据，可选月份为 2023-11 至 2024-12。",
                    error(client, leader, base + "kpis=pop_60&from=2024-10", 404));
            assertEquals("起始月份 2024-12 晚于截止月份 2024-11，请重新选择月份范围。",
                    error(client, leader, base + "kpis=pop_60&from=2024-12&to=2024-11", 400));
            // 3 KPIs × 5 regions = 15 series, more than 12
            String many = error(client, leader, base + "kpis=pop_60,aging_rate_60,visit_rate&regions=" + String.join(",",
                    CITY, GULOU, YUNLONG, HUANGLOU_STREET, HUANGLOU_COMMUNITY), 400);
            assertEquals("一张图最多比较 12 条序列（指标数 × 区域数），当前为 3 × 5 = 15 条，请减少指标或区域。", many);
            assertTrue(error(client, leader, base + "kpis=facilities_open&breakdown=institution", 400)
                    .contains("分项参数应为“指标代码:分项代码”"));
            assertEquals("分项参数中的指标 facilities_open 不在所选指标（kpis）之中。",
                    error(client, leader, base + "kpis=pop_60&breakdown=facilities_open:institution", 400));
            assertEquals("指标“运营中养老服务设施数”没有分项 meal_point，可选：day_care_center（街道日间照料中心）、institution（养老机构）。",
                    error(client, leader, base + "kpis=facilities_open&breakdown=facilities_open:meal_point", 404));
            assertTrue(error(client, leader, base + "kpis=pop_60&breakdown=pop_60:x", 400).contains("没有分项"));
        });
    }

    @Test
    void theExplorerIsForEverySignedInRoleAndNobodyElse() {
        String uploader = TestDependencies.sessionCookie(deps, "police1", Role.uploader, "public_security:320300");
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            String path = "/api/v1/explorer/series?kpis=pop_60";
            json(client, uploader, path, 200);   // like the KPI pages, which every role reads
            try (var response = client.get(path)) {
                assertEquals(401, response.code());
            }
            try (var page = client.get("/explorer.html?kpis=pop_60")) {
                assertEquals("/login.html", page.request().url().encodedPath(), "okhttp follows the redirect");
                assertEquals("/explorer.html?kpis=pop_60", page.request().url().queryParameter("next"));
            }
            try (var page = client.get("/explorer.html", request -> request.header("Cookie", uploader))) {
                assertEquals(200, page.code());
                assertTrue(page.body().string().contains("/explorer.js"));
            }
        });
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
