package cn.yinling.dashboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 稽核 API over real HTTP against the audit fixture (AuditFixture; every figure below is worked out in its SQL
 * scripts): the summary matrix, the list and its filters, masking, roles, CSRF, and the proof-of-life section.
 */
class AuditApiTest {

    @TempDir
    Path home;
    Dependencies deps;
    Javalin app;
    String base;

    @BeforeEach
    void start() {
        new AuditFixture(home).firstVersion();
        deps = TestDependencies.create(home, Duration.ZERO);
        app = DashboardApp.create(deps).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        deps.close();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static JsonNode rule(JsonNode summary, String code) {
        return list(summary.get("rows")).stream().filter(r -> r.at("/rule/code").asText().equals(code)).findFirst()
                .orElseThrow();
    }

    /** "findings/amount" of a summary cell, the amount as the API sends it (null as "null"). */
    static String cell(JsonNode cell) {
        return cell.get("findings").asLong() + "/" + (cell.get("amount").isNull() ? "null" : cell.get("amount").decimalValue()
                .setScale(2).toPlainString());
    }

    @Test
    void theSummaryCountsFindingsAndAmountsPerRuleAndDistrictForAMonth() {
        AuditClient leader = AuditClient.signIn(base, deps, "leader1", Role.leader, null);

        JsonNode december = leader.get("/api/v1/audit/summary").json();

        assertTrue(december.get("available").asBoolean());
        assertEquals(1, december.get("version").asInt());
        assertEquals("2024-12", december.get("month").asText(), "the newest month with figures");
        assertEquals(List.of("鼓楼区", "云龙区"), list(december.get("districts")).stream().map(d -> d.get("name").asText()).toList());
        assertEquals(List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10"),
                list(december.get("rows")).stream().map(r -> r.at("/rule/code").asText()).toList());
        JsonNode a01 = rule(december, "A01");
        assertEquals("身故后仍发放补贴", a01.at("/rule/name").asText());
        // f1 800 + f2 1200 in 鼓楼, f6 500 attributed to the city only
        assertEquals("3/2500.00", cell(a01.get("city")));
        assertEquals(List.of("2/2000.00", "0/0.00"), list(a01.get("districts")).stream().map(AuditApiTest::cell).toList());
        assertEquals("1/500.00", cell(a01.get("city_only")));
        JsonNode a09 = rule(december, "A09");
        assertEquals("1/30.00", cell(a09.get("city")));
        assertEquals(List.of("1/30.00", "0/0.00"), list(a09.get("districts")).stream().map(AuditApiTest::cell).toList());
        assertEquals("0/0.00", cell(rule(december, "A05").get("city")), "f5 is of 2024-11");
        assertEquals("4/2530.00", cell(december.get("total")));
        assertEquals(List.of("3/2030.00", "0/0.00"),
                list(december.get("district_totals")).stream().map(AuditApiTest::cell).toList());

        JsonNode november = leader.get("/api/v1/audit/summary?month=2024-11").json();
        assertEquals("1/600.00", cell(rule(november, "A05").get("city")));
        assertEquals("1/600.00", cell(november.get("total")));

        assertEquals(404, leader.get("/api/v1/audit/summary?month=2023-01").status());
        assertEquals(400, leader.get("/api/v1/audit/summary?month=12-2024").status());
    }

    @Test
    void theTrendGivesEveryRuleMonthByMonth() {
        AuditClient leader = AuditClient.signIn(base, deps, "leader1", Role.leader, null);

        JsonNode city = leader.get("/api/v1/audit/trend").json();
        assertEquals(List.of("2024-11", "2024-12"), list(city.get("months")).stream().map(JsonNode::asText).toList());
        JsonNode a01 = list(city.get("series")).stream().filter(s -> s.at("/rule/code").asText().equals("A01")).findFirst().orElseThrow();
        assertEquals(List.of(0L, 3L), list(a01.get("findings")).stream().map(JsonNode::asLong).toList());
        assertEquals("2500.00", a01.get("amounts").get(1).decimalValue().setScale(2).toPlainString());
        JsonNode a05 = list(city.get("series")).stream().filter(s -> s.at("/rule/code").asText().equals("A05")).findFirst().orElseThrow();
        assertEquals(List.of(1L, 0L), list(a05.get("findings")).stream().map(JsonNode::asLong).toList());

        JsonNode yunlong = leader.get("/api/v1/audit/trend?region=320303000000").json();
        assertTrue(list(yunlong.get("series")).stream().allMatch(s -> list(s.get("findings")).stream().allMatch(n -> n.asLong() == 0)),
                "nothing was found in 云龙 in version 1");
    }

    @Test
    void theListFiltersByRuleMonthAndRegionAndShowsPersonsMasked() {
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);

        AuditClient.Response gulou = planner.get("/api/v1/audit/findings?rule=A01&month=2024-12&region=320302000000");
        JsonNode answer = gulou.json();
        assertEquals(2, answer.get("total").asLong());
        assertEquals("2000.00", answer.get("amount").decimalValue().setScale(2).toPlainString());
        List<JsonNode> rows = list(answer.get("rows"));
        assertEquals(List.of("f1", "f2"), rows.stream().map(r -> r.get("finding_id").asText()).toList());
        assertEquals(List.of("张*", "欧阳**"), rows.stream().map(r -> r.get("name").asText()).toList());
        assertEquals(List.of("3203**********1234", "3203**********567X"),
                rows.stream().map(r -> r.get("id_number").asText()).toList());
        assertEquals(List.of("黄楼社区居委会", "民主社区居委会"), rows.stream().map(r -> r.get("region_name").asText()).toList());
        assertEquals("身故后仍发放补贴", rows.get(0).get("rule_name").asText());
        assertEquals("2024-12", rows.get(0).get("month").asText());
        assertEquals("800.00", rows.get(0).get("amount").decimalValue().setScale(2).toPlainString());
        assertEquals("死亡日期2024-11-20(死亡证明)；发放年月2024-12", rows.get(0).get("evidence").asText());
        assertTrue(rows.get(0).get("mark").isNull());
        assertEquals(1, rows.get(0).get("first_seen_version").asInt());
        for (String secret : List.of("张三", "欧阳娜娜", "320302195001011234", "32030219400303567X")) {
            assertFalse(gulou.text().contains(secret), "unmasked " + secret + " in the list");
        }

        assertEquals(List.of("f2"), ids(planner.get("/api/v1/audit/findings?rule=A01&month=2024-12&region=320302001002")));
        assertEquals(List.of("f1", "f2"), ids(planner.get("/api/v1/audit/findings?rule=A01&region=320302001000")),
                "a street selects its communities");
        assertEquals(List.of("f4"), ids(planner.get("/api/v1/audit/findings?region=320302002000")));
        assertEquals(List.of(), ids(planner.get("/api/v1/audit/findings?region=320303000000")));

        JsonNode allA01 = planner.get("/api/v1/audit/findings?rule=A01").json();
        assertEquals(List.of("f6", "f1", "f2"), ids(allA01), "by rule, month, then region code: the city first");
        JsonNode f6 = allA01.get("rows").get(0);
        assertTrue(f6.get("name").isNull() && f6.get("id_number").isNull(), "the vault does not know p-unknown");
        assertEquals("徐州市", f6.get("region_name").asText());

        JsonNode secondPage = planner.get("/api/v1/audit/findings?rule=A01&size=2&page=2").json();
        assertEquals(3, secondPage.get("total").asLong());
        assertEquals(2, secondPage.get("pages").asInt());
        assertEquals(List.of("f2"), ids(secondPage));

        assertEquals(404, planner.get("/api/v1/audit/findings?rule=A99").status());
        assertEquals(404, planner.get("/api/v1/audit/findings?region=320399000000").status());
        assertEquals(400, planner.get("/api/v1/audit/findings?size=1000").status());
    }

    static List<String> ids(AuditClient.Response response) {
        return ids(response.json());
    }

    static List<String> ids(JsonNode answer) {
        return list(answer.get("rows")).stream().map(r -> r.get("finding_id").asText()).toList();
    }

    @Test
    void leadersSeeAggregatesOnlyAndUploadersNothing() {
        AuditClient leader = AuditClient.signIn(base, deps, "leader1", Role.leader, null);
        AuditClient uploader = AuditClient.signIn(base, deps, "police", Role.uploader, "public_security:320300");
        AuditClient admin = AuditClient.signIn(base, deps, "admin1", Role.admin, null);

        assertEquals(200, leader.get("/audit.html").status());
        assertEquals(200, leader.get("/api/v1/audit/summary").status());
        assertEquals(200, leader.get("/api/v1/audit/proof-of-life").status());
        for (String personal : List.of("/api/v1/audit/findings", "/api/v1/audit/resolved",
                "/api/v1/audit/proof-of-life/needs-visit", "/api/v1/audit/exports/findings",
                "/api/v1/audit/exports/needs-visit", "/api/v1/audit/findings/f1/marks")) {
            assertEquals(403, leader.get(personal).status(), personal);
        }
        assertEquals(403, leader.post("/api/v1/audit/reveal", Map.of("finding_id", "f1", "reason", "领导想看看")).status());
        assertEquals(403, leader.post("/api/v1/audit/findings/f1/marks", Map.of("status", "confirmed")).status());

        assertEquals(403, uploader.get("/audit.html").status());
        for (String any : List.of("/api/v1/audit/summary", "/api/v1/audit/trend", "/api/v1/audit/rules",
                "/api/v1/audit/proof-of-life", "/api/v1/audit/findings")) {
            assertEquals(403, uploader.get(any).status(), any);
        }

        assertEquals(200, admin.get("/api/v1/audit/findings").status());
        assertEquals(401, AuditClient.anonymous(base).get("/api/v1/audit/summary").status());
        assertEquals(302, AuditClient.anonymous(base).get("/audit.html").status());
        assertTrue(deps.audit().page(null, "access_denied", "leader1", 50).size() >= 8, "refusals are logged");
    }

    @Test
    void marksAndRevealsNeedTheSessionsCsrfToken() {
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);

        assertEquals(403, planner.post("/api/v1/audit/findings/f1/marks", Map.of("status", "confirmed"), false).status());
        assertEquals(403, planner.post("/api/v1/audit/reveal", Map.of("finding_id", "f1", "reason", "核实死亡信息"), false).status());
        assertEquals(List.of(), deps.store().auditMarks().history("f1"));
        assertEquals(List.of(), deps.audit().page(null, AuditLog.REVEAL, null, 10));

        AuditClient.Response marked = planner.post("/api/v1/audit/findings/f1/marks",
                Map.of("status", "confirmed", "comment", "已与民政核实，停发并追回"));
        assertEquals(201, marked.status(), marked.text());
        JsonNode mark = marked.json().get("marks").get(0);
        assertEquals("核实属实", mark.get("label").asText());
        assertEquals("planner1", mark.get("marked_by").asText());
        assertEquals(1, mark.get("version").asInt());

        JsonNode marks = planner.get("/api/v1/audit/findings?rule=A01&month=2024-12&region=320302000000").json();
        assertEquals(List.of("f1", "f2"), ids(marks));
        assertEquals("已与民政核实，停发并追回", marks.at("/rows/0/mark/comment").asText());
        assertEquals("核实属实", marks.at("/rows/0/mark/label").asText());
        assertTrue(marks.at("/rows/1/mark").isNull());

        assertEquals(400, planner.post("/api/v1/audit/findings/f1/marks", Map.of("status", "maybe")).status());
        assertEquals(400, planner.post("/api/v1/audit/findings/f1/marks",
                Map.of("status", "fixed", "comment", "身份证320302195001011234已核")).status(), "no ID numbers in comments");
        assertEquals(404, planner.post("/api/v1/audit/findings/nope/marks", Map.of("status", "fixed")).status());
        assertEquals(1, deps.audit().page(null, AuditLog.MARK, "planner1", 10).size());
    }

    @Test
    void aPlannerSeesTheRecipientsToVisitByStreetAndCommunityAndALeaderTheRate() {
        AuditClient leader = AuditClient.signIn(base, deps, "leader1", Role.leader, null);
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);

        JsonNode rate = leader.get("/api/v1/audit/proof-of-life?month=2024-12").json();
        assertTrue(rate.get("available").asBoolean());
        assertEquals(50.0, rate.at("/total/rate").asDouble(), 1e-9);
        assertEquals(4, rate.at("/total/recipients").asInt());
        assertEquals(2, rate.at("/total/auto_verified").asInt());
        assertEquals(2, rate.at("/total/needs_visit").asInt());
        assertEquals(List.of("鼓楼区 33.33 2", "云龙区 100.00 0"), list(rate.get("children")).stream()
                .map(c -> c.get("name").asText() + " " + String.format("%.2f", c.get("rate").asDouble()) + " "
                        + c.get("needs_visit").asInt()).toList());
        JsonNode gulou = leader.get("/api/v1/audit/proof-of-life?month=2024-12&region=320302000000").json();
        assertEquals(List.of("黄楼街道 1", "丰财街道 1"), list(gulou.get("children")).stream()
                .map(c -> c.get("name").asText() + " " + c.get("needs_visit").asInt()).toList());

        AuditClient.Response visits = planner.get("/api/v1/audit/proof-of-life/needs-visit?month=2024-12");
        JsonNode answer = visits.json();
        assertEquals(2, answer.get("total").asLong());
        List<JsonNode> rows = list(answer.get("rows"));
        assertEquals(List.of("王** 3203**********7771 黄楼街道 黄楼社区居委会 2024-03-15 老年人健康管理",
                "司马* 3203**********8882 丰财街道 丰财社区居委会 null null"), rows.stream()
                .map(r -> r.get("name").asText() + " " + r.get("id_number").asText() + " " + r.get("street_name").asText()
                        + " " + r.get("community_name").asText() + " " + r.get("evidence_date").asText() + " "
                        + r.get("evidence_source_name").asText()).toList());
        assertFalse(visits.text().contains("王小明") || visits.text().contains("司马光"));
        assertEquals(List.of("p-sima"), list(planner.get(
                "/api/v1/audit/proof-of-life/needs-visit?month=2024-12&region=320302002000").json().get("rows"))
                .stream().map(r -> r.get("person_key").asText()).toList());
        assertEquals(0, planner.get("/api/v1/audit/proof-of-life/needs-visit?month=2024-11").json().get("total").asLong(),
                "p-wang was verified in 2024-11");
    }

    @Test
    void aVersionWithoutAuditTablesSaysSoInsteadOfFailing() {
        new AuditFixture(home).publish(2, AuditFixture.WITHOUT_AUDIT);
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);

        for (String path : List.of("/api/v1/audit/summary", "/api/v1/audit/trend", "/api/v1/audit/findings",
                "/api/v1/audit/resolved", "/api/v1/audit/proof-of-life", "/api/v1/audit/proof-of-life/needs-visit")) {
            AuditClient.Response r = planner.get(path);
            assertEquals(200, r.status(), path + " " + r.text());
            assertEquals(2, r.json().get("version").asInt(), path);
            assertFalse(r.json().get("available").asBoolean(), path);
            assertEquals("本版本尚无稽核结果。", r.json().get("message").asText(), path);
        }
        assertEquals(404, planner.get("/api/v1/audit/exports/findings").status());
    }

    @Test
    void theRuleCatalogAndTheMarkChoicesComeFromOnePlace() {
        AuditClient leader = AuditClient.signIn(base, deps, "leader1", Role.leader, null);
        JsonNode catalog = leader.get("/api/v1/audit/rules").json();
        assertEquals(10, catalog.get("rules").size());
        assertEquals("重复发放", catalog.at("/rules/4/name").asText());
        List<String> statuses = new ArrayList<>();
        catalog.get("mark_statuses").forEach(s -> statuses.add(s.get("code").asText() + "=" + s.get("label").asText()));
        assertEquals(List.of("confirmed=核实属实", "false_alarm=误报", "fixed=已整改"), statuses);
        List<AuditEntry> none = deps.audit().page(null, AuditLog.EXPORT, null, 10);
        assertEquals(List.of(), none);
    }
}
