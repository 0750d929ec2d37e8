package cn.yinling.dashboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marks live in the app store, keyed by the finding id the ETL keeps stable: version 1 has f1 and f2, both marked;
 * version 2 still has f1, no longer f2, and a new f3. f1 keeps its mark, f2 is listed as 已消除 with its mark, f3 has
 * none; first-seen versions are 1 for f1 and 2 for f3.
 */
class AuditMarksAcrossVersionsTest {

    @TempDir
    Path home;

    @Test
    void marksStayWithTheirFindingsInANewVersionAndAFindingGoneIsResolved() {
        AuditFixture fixture = new AuditFixture(home).firstVersion();
        Dependencies deps = TestDependencies.create(home, Duration.ZERO);
        Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);
            assertEquals(201, planner.post("/api/v1/audit/findings/f1/marks",
                    Map.of("status", "false_alarm", "comment", "死亡证明录错日期")).status());
            assertEquals(201, planner.post("/api/v1/audit/findings/f1/marks",
                    Map.of("status", "confirmed", "comment", "复核：确已死亡")).status());
            assertEquals(201, planner.post("/api/v1/audit/findings/f2/marks",
                    Map.of("status", "fixed", "comment", "已停发")).status());
            assertEquals(List.of(), AuditApiTest.ids(planner.get("/api/v1/audit/resolved").json()),
                    "both are still in version 1");

            fixture.publish(2, AuditFixture.VERSION_2);

            JsonNode december = planner.get("/api/v1/audit/findings?month=2024-12").json();
            assertEquals(2, december.get("version").asInt());
            assertEquals(List.of("f6", "f1", "f3", "f4"), AuditApiTest.ids(december));
            JsonNode f1 = row(december, "f1");
            assertEquals("confirmed 核实属实 复核：确已死亡 1", f1.at("/mark/status").asText() + " "
                    + f1.at("/mark/label").asText() + " " + f1.at("/mark/comment").asText() + " "
                    + f1.at("/mark/version").asInt());
            assertEquals(1, f1.get("first_seen_version").asInt());
            JsonNode f3 = row(december, "f3");
            assertTrue(f3.get("mark").isNull());
            assertEquals(2, f3.get("first_seen_version").asInt());
            assertEquals("李**", f3.get("name").asText());

            JsonNode resolved = planner.get("/api/v1/audit/resolved").json();
            assertEquals(List.of("f2"), AuditApiTest.ids(resolved));
            JsonNode f2 = resolved.get("rows").get(0);
            assertEquals("fixed 已整改 欧阳** 民主社区居委会 1200.00 1", f2.at("/mark/status").asText() + " "
                    + f2.at("/mark/label").asText() + " " + f2.get("name").asText() + " " + f2.get("region_name").asText()
                    + " " + f2.get("amount").decimalValue().setScale(2).toPlainString() + " "
                    + f2.get("first_seen_version").asInt());

            JsonNode history = planner.get("/api/v1/audit/findings/f1/marks").json();
            assertTrue(history.get("in_live_version").asBoolean());
            assertEquals(List.of("confirmed", "false_alarm"), AuditApiTest.list(history.get("marks")).stream()
                    .map(m -> m.get("status").asText()).toList(), "newest first, the earlier mark kept");
            JsonNode goneHistory = planner.get("/api/v1/audit/findings/f2/marks").json();
            assertEquals(false, goneHistory.get("in_live_version").asBoolean());
            assertEquals(1, goneHistory.get("marks").size());

            assertEquals(404, planner.post("/api/v1/audit/findings/f2/marks", Map.of("status", "confirmed")).status(),
                    "a finding no version holds cannot be marked again");
        } finally {
            app.stop();
            deps.close();
        }
    }

    static JsonNode row(JsonNode answer, String findingId) {
        return AuditApiTest.list(answer.get("rows")).stream()
                .filter(r -> r.get("finding_id").asText().equals(findingId)).findFirst().orElseThrow();
    }
}
