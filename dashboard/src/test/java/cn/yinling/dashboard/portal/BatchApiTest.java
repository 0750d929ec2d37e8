package cn.yinling.dashboard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system-to-system API of spec/cli.md: POST /api/v1/batches with a unit's bearer token, GET the batch back. */
class BatchApiTest {

    @TempDir
    Path home;
    PortalFixture portal;

    @BeforeEach
    void start() {
        portal = new PortalFixture(home);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void tokenUploadOfAGbkCsvAnswersTheBatchReportAndTheBatchCanBeReadBack() {
        String token = portal.deps.tokens().create(PortalFixture.POLICE, "test");
        PortalClient police = PortalClient.withToken(portal.base, token);

        PortalClient.Response upload = police.upload("household", "2024-12", null, "户籍人口202412.csv",
                PortalFixture.householdCsv(true));

        assertEquals(200, upload.status(), upload.text());
        JsonNode report = upload.json();
        assertEquals("accepted", report.get("status").asText());
        assertEquals(PortalFixture.POLICE, report.get("unit").asText(), "the unit is the token's");
        assertEquals(42, report.get("rows_read").asInt());
        assertEquals(40, report.get("rows_loaded").asInt());
        assertEquals(2, report.get("rows_quarantined").asInt());
        assertTrue(report.get("supersedes").isNull());
        List<String> findings = new ArrayList<>();
        report.get("rejections").forEach(r -> findings.add(r.get("row").asInt() + ":" + r.get("column").asText() + ":"
                + r.get("rule").asText()));
        assertTrue(findings.contains("42:id_number:ID_CHECKSUM"), findings.toString());
        assertTrue(findings.contains("43:birth_date:TYPE_FORMAT"), findings.toString());
        String batchId = report.get("batch_id").asText();

        PortalClient.Response read = police.get("/api/v1/batches/" + batchId);
        assertEquals(200, read.status(), read.text());
        assertEquals(40, read.json().get("rows_loaded").asInt());
        assertTrue(read.json().get("in_force").asBoolean());
        assertEquals("户籍人口202412.csv", read.json().get("original_name").asText());

        PortalClient.Response rejections = police.get("/api/v1/batches/" + batchId + "/rejections");
        assertEquals(200, rejections.status());
        assertEquals(2, rejections.json().get("total").asInt());
        assertEquals("=1+2", rejections.json().get("rejections").get(1).get("value").asText(),
                "the JSON keeps the value as sent; only spreadsheet files neutralise it");

        PortalClient.Response again = police.upload("household", "2024-12", null, "again.csv",
                PortalFixture.householdCsv(true));
        assertEquals(200, again.status());
        assertEquals("unchanged", again.json().get("status").asText());
        assertEquals(batchId, again.json().get("batch_id").asText());

        PortalClient.Response fixed = police.upload("household", "2024-12", null, "fixed.csv",
                PortalFixture.householdCsv(false));
        assertEquals(200, fixed.status());
        assertEquals(42, fixed.json().get("rows_loaded").asInt());
        assertEquals(batchId, fixed.json().get("supersedes").asText());
    }

    @Test
    void refusedFeedAnswers422MissingOrRevokedTokens401AndAnotherUnitsBatch404() {
        String police = portal.deps.tokens().create(PortalFixture.POLICE, "test");
        String pension = portal.deps.tokens().create(PortalFixture.PENSION, "test");

        PortalClient.Response notAllowed = PortalClient.withToken(portal.base, pension).upload("household", "2024-12",
                null, "h.csv", PortalFixture.householdCsv(false));
        assertEquals(422, notAllowed.status(), notAllowed.text());
        assertEquals("FEED_NOT_ALLOWED", notAllowed.json().get("fatal").get("rule").asText());
        assertTrue(notAllowed.json().get("fatal").get("message").asText().contains("人社局不报送户籍人口"));

        PortalClient.Response accepted = PortalClient.withToken(portal.base, police).upload("household", "2024-12",
                null, "h.csv", PortalFixture.householdCsv(false));
        String batchId = accepted.json().get("batch_id").asText();

        PortalClient.Response otherUnit = PortalClient.withToken(portal.base, pension).get("/api/v1/batches/" + batchId);
        assertEquals(404, otherUnit.status(), "another unit's batch does not exist for it");
        assertEquals(404, PortalClient.withToken(portal.base, pension)
                .get("/api/v1/batches/" + batchId + "/rejections?format=csv").status());
        assertEquals(404, PortalClient.withToken(portal.base, police)
                .get("/api/v1/batches/20241201T101500123-3fa9c2d1").status(), "a guessed id");
        assertEquals(200, portal.login("planner1").get("/api/v1/batches/" + batchId).status(), "planners see all");
        assertEquals(200, portal.login("admin1").get("/api/v1/batches/" + batchId).status(), "admins see all");

        PortalClient.Response anonymous = portal.anonymous().upload("household", "2024-12", null, "h.csv",
                PortalFixture.householdCsv(false));
        assertEquals(401, anonymous.status());
        assertEquals(401, PortalClient.withToken(portal.base, "aging_not-a-real-token").get("/api/v1/batches/" + batchId)
                .status());

        portal.deps.tokens().revoke(PortalFixture.POLICE, "test");
        PortalClient.Response revoked = PortalClient.withToken(portal.base, police).upload("household", "2024-12", null,
                "h.csv", PortalFixture.householdCsv(true));
        assertEquals(401, revoked.status());
        assertTrue(revoked.json().get("error").asText().contains("吊销"));
        assertEquals(401, PortalClient.withToken(portal.base, pension).get("/api/v1/kpis").status(),
                "tokens are for the batch API only");
    }

    @Test
    void theOpenApiDocumentDescribesTheBatchApiAndIsServedToAnyone() {
        PortalClient.Response doc = portal.anonymous().get("/api/v1/openapi.json");
        assertEquals(200, doc.status());
        JsonNode paths = doc.json().get("paths");
        assertTrue(paths.has("/api/v1/batches"));
        assertTrue(paths.has("/api/v1/batches/{id}"));
        assertTrue(paths.has("/api/v1/batches/{id}/rejections"));
        JsonNode post = paths.get("/api/v1/batches").get("post");
        for (String status : List.of("200", "401", "413", "422")) {
            assertTrue(post.get("responses").has(status), "POST /api/v1/batches documents " + status);
        }
        assertEquals("bearer", doc.json().get("components").get("securitySchemes").get("unitToken").get("scheme")
                .asText());
    }

    @Test
    void restoringAnEarlierBatchLandsACopyThatSaysWhatItRestores() {
        PortalClient police = portal.login("police1");
        String first = police.upload("household", "2024-12", null, "first.csv", PortalFixture.householdCsv(true))
                .json().get("batch_id").asText();
        String second = police.upload("household", "2024-12", null, "second.csv", PortalFixture.householdCsv(false))
                .json().get("batch_id").asText();

        assertEquals(403, police.post("/api/v1/batches/" + first + "/restore", null).status(), "admins only");
        PortalClient admin = portal.login("admin1");
        PortalClient.Response restored = admin.post("/api/v1/batches/" + first + "/restore", null);

        assertEquals(200, restored.status(), restored.text());
        JsonNode report = restored.json();
        assertEquals("accepted", report.get("status").asText());
        assertEquals(second, report.get("supersedes").asText());
        assertEquals(40, report.get("rows_loaded").asInt(), "the first file's 40 good rows");
        JsonNode batch = admin.get("/api/v1/batches/" + report.get("batch_id").asText()).json();
        assertEquals(first, batch.get("restores").asText());
        assertTrue(batch.get("in_force").asBoolean());
        JsonNode history = police.get("/api/v1/batches?feed=household").json();
        assertEquals(3, history.size(), "nothing was renamed or deleted");
        assertFalse(admin.get("/api/v1/batches/" + first).json().get("in_force").asBoolean());
        assertNull(admin.get("/api/v1/batches/" + second).json().get("restores").textValue());
        assertEquals(400, admin.post("/api/v1/batches/" + report.get("batch_id").asText() + "/restore", null).status(),
                "restoring what is in force changes nothing");
        String csv = new String(admin.get("/api/v1/batches/" + first + "/rejections?format=csv").body(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF行号,列名,字段,原始值,规则代码,级别,问题说明"), csv);
    }
}
