package cn.yinling.dashboard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.PortalSettings;
import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.land.LandingOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates, the submission matrix, the admin pages' API and ETL runs started from the page. */
class PortalFeaturesTest {

    @TempDir
    Path home;

    @Test
    void theTemplateHasTheChineseHeadersAnExampleRowDropDownsForEveryCodeListAndNotes() throws Exception {
        try (PortalFixture portal = new PortalFixture(home)) {
            PortalClient police = portal.login("police1");
            PortalClient.Response template = police.get("/api/v1/templates/household?period=2024-12");
            assertEquals(200, template.status());
            FeedContract household = Contracts.get().feed("household").orElseThrow();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
                assertEquals("填报数据", workbook.getSheetName(0));
                XSSFSheet data = workbook.getSheet("填报数据");
                List<String> headers = new ArrayList<>();
                data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
                assertEquals(household.columns().stream().map(ColumnSpec::header).toList(), headers);
                Row example = data.getRow(1);
                assertEquals("11010519491231002X", example.getCell(0).getStringCellValue());
                assertEquals("女", example.getCell(2).getStringCellValue(), "agrees with the ID's 17th digit");
                assertEquals("正常", example.getCell(6).getStringCellValue());
                // 性别 (sex) and 户籍状态 (code list): a drop-down each, over the rows below the header.
                Map<Integer, String> lists = new HashMap<>();
                data.getDataValidations().forEach(v -> lists.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                        v.getValidationConstraint().getFormula1()));
                assertEquals(Map.of(2, "list_sex", 6, "list_status"), lists);
                assertTrue(workbook.isSheetHidden(workbook.getSheetIndex("代码表")));
                XSSFSheet notes = workbook.getSheet("填报说明");
                DataFormatter format = new DataFormatter();
                StringBuilder text = new StringBuilder();
                notes.forEach(r -> r.forEach(c -> text.append(format.formatCellValue(c)).append('|')));
                assertTrue(text.toString().contains("户籍人口（household）填报说明"), text.toString());
                assertTrue(text.toString().contains("可选：正常、迁出、死亡、注销"), text.toString());
                assertTrue(text.toString().contains("须与身份号码一致"), text.toString());
            }

            // The example row itself passes every check: uploading the untouched template loads exactly that row.
            PortalClient.Response asIs = police.upload("household", "2024-12", null, "模板.xlsx", template.body());
            assertEquals(200, asIs.status(), asIs.text());
            assertEquals(1, asIs.json().get("rows_loaded").asInt(), asIs.text());
            PortalClient pension = portal.login("pension1");
            PortalClient.Response pensionTemplate = pension.get("/api/v1/templates/pension?period=2024-11");
            PortalClient.Response pensionAsIs = pension.upload("pension", "2024-11", null, "p.xlsx",
                    pensionTemplate.body());
            assertEquals(1, pensionAsIs.json().get("rows_loaded").asInt(), pensionAsIs.text());
            assertEquals(404, police.get("/api/v1/templates/no_such_feed").status());
        }
    }

    @Test
    void theSubmissionMatrixTellsSubmittedLateRefusedAndMissingAndWhoStillOwesWhat() {
        try (PortalFixture portal = new PortalFixture(home)) {
            YearMonth now = YearMonth.now(LandingOptions.ZONE);
            PortalClient planner = portal.login("planner1");
            portal.login("pension1").upload("pension", now.toString(), null, "p.csv", PortalFixture.pensionCsv(
                    now.toString(), 3));
            portal.login("police1").upload("household", now.toString(), null, "h.csv",
                    "这不是户籍表\n随便写的\n".getBytes(StandardCharsets.UTF_8));

            JsonNode current = planner.get("/api/v1/submissions?month=" + now).json();
            // units.csv of the fixture expects 6 (unit, feed) pairs: region, household, death, facility, allowance, pension.
            assertEquals(6, current.get("expected").asInt());
            assertEquals(1, current.get("submitted").asInt(), "pension, before its deadline");
            assertEquals(1, current.get("refused").asInt(), "household: only a refused batch");
            assertEquals(0, current.get("late").asInt());
            assertEquals(4, current.get("missing").asInt(), "region of this year, death, facility, allowance");
            assertEquals(5, current.get("owed").size());
            assertFalse(current.get("owed").get(0).get("overdue").asBoolean(), "the deadline is next month");
            assertEquals(6, current.get("feeds").size(), "a column per feed some unit must send");
            JsonNode pensionRow = row(current, PortalFixture.PENSION);
            assertEquals("submitted", cell(current, pensionRow, "pension").get("state").asText());
            assertTrue(cell(current, pensionRow, "household").isNull(), "人社局 is not expected to send 户籍人口");

            portal.login("pension1").upload("pension", "2024-12", null, "p.csv", PortalFixture.pensionCsv("2024-12", 3));
            JsonNode past = planner.get("/api/v1/submissions?month=2024-12").json();
            assertEquals("late", cell(past, row(past, PortalFixture.PENSION), "pension").get("state").asText(),
                    "landed long after 2025-01-10");
            assertEquals("late", cell(past, row(past, "stats:320300"), "region").get("state").asText(),
                    "the fixture's region codes for 2024 landed today");
            JsonNode allowance = cell(past, row(past, PortalFixture.QUANSHAN_CIVIL), "allowance");
            assertEquals("missing", allowance.get("state").asText());
            assertEquals("2025-01-15", allowance.get("deadline").asText(), "泉山区民政局's deadline day is 15");
            assertTrue(allowance.get("overdue").asBoolean());

            assertEquals(403, portal.login("police1").get("/api/v1/submissions").status());
            assertEquals(400, planner.get("/api/v1/submissions?month=2024-13").status());
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode row(JsonNode answer, String unit) {
        for (JsonNode r : answer.get("units")) {
            if (r.get("unit").asText().equals(unit)) {
                return r;
            }
        }
        throw new AssertionError("no row " + unit);
    }

    static JsonNode cell(JsonNode answer, JsonNode row, String feed) {
        return row.get("cells").get(texts(answer.get("feeds")).indexOf(feed));
    }

    @Test
    void adminsManageAccountsUnitsAndTargets() throws Exception {
        try (PortalFixture portal = new PortalFixture(home)) {
            PortalClient admin = portal.login("admin1");
            PortalClient.Response created = admin.post("/api/v1/admin/users",
                    Map.of("name", "tongshan1", "role", "uploader", "unit", "civil_affairs:320312"));
            assertEquals(201, created.status(), created.text());
            String password = created.json().get("password").asText();
            PortalClient.Response first = portal.anonymous().tryLogin("tongshan1", password);
            assertEquals(200, first.status());
            assertTrue(first.json().get("must_change_password").asBoolean());
            assertEquals(400, admin.post("/api/v1/admin/users", Map.of("name", "bad1", "role", "uploader")).status(),
                    "an uploader needs a unit");

            long id = created.json().get("user").get("id").asLong();
            assertEquals(200, admin.post("/api/v1/admin/users/" + id + "/disable", null).status());
            assertEquals(401, portal.anonymous().tryLogin("tongshan1", password).status(), "disabled");
            String reset = admin.post("/api/v1/admin/users/" + id + "/reset-password", null).json().get("password")
                    .asText();
            admin.post("/api/v1/admin/users/" + id + "/enable", null);
            assertEquals(200, portal.anonymous().tryLogin("tongshan1", reset).status());
            long me = portal.deps.store().users().findByName("admin1").orElseThrow().id();
            assertEquals(400, admin.post("/api/v1/admin/users/" + me + "/disable", null).status(), "not oneself");

            PortalClient.Response badUnits = admin.put("/api/v1/admin/units", Map.of("units", List.of(
                    Map.of("unit", "human_resources:320300", "name", "人社局", "expected_feeds", List.of("household")))));
            assertEquals(400, badUnits.status());
            assertTrue(badUnits.json().get("error").asText().contains("人社局不报送户籍人口"), badUnits.text());
            PortalClient.Response units = admin.put("/api/v1/admin/units", Map.of("units", List.of(
                    Map.of("unit", "civil_affairs:320312", "name", "铜山区民政局", "expected_feeds",
                            List.of("allowance", "care_visit"), "deadline_day", 12))));
            assertEquals(200, units.status(), units.text());
            assertEquals(List.of("unit,name,expected_feeds,deadline_day", "civil_affairs:320312,铜山区民政局,allowance;care_visit,12"),
                    Files.readAllLines(home.resolve("config/units.csv")));

            PortalClient.Response targets = admin.put("/api/v1/admin/targets",
                    Map.of("targets", Map.of("nursing_bed_share", ">=60")));
            assertEquals(200, targets.status(), targets.text());
            assertTrue(Files.readString(home.resolve("config/targets.properties")).contains("nursing_bed_share=>=60"));
            assertEquals("≥60", portal.deps.catalog().get("nursing_bed_share").target().toString(),
                    "the catalog is re-read at once");
            assertEquals(400, admin.put("/api/v1/admin/targets", Map.of("targets", Map.of("nursing_bed_share", "lots")))
                    .status());
        }
    }

    @Test
    void anEtlRunStartsAsAChildProcessOneAtATimeAndItsOutputAndResultAreKept() throws Exception {
        List<String> etl = List.of("sh", "-c", "echo \"读取 $AGING_HOME 的批次\"; sleep 1; echo 已发布版本 7; exit 0");
        try (PortalFixture portal = new PortalFixture(home, PortalSettings.defaults(), etl)) {
            PortalClient admin = portal.login("admin1");
            PortalClient.Response started = admin.post("/api/v1/admin/etl-runs", null);
            assertEquals(202, started.status(), started.text());
            long id = started.json().get("run").get("id").asLong();
            assertEquals(409, admin.post("/api/v1/admin/etl-runs", null).status(), "one at a time");

            JsonNode view = waitUntilFinished(admin, id);
            assertEquals("succeeded", view.get("run").get("status").asText());
            assertEquals(0, view.get("run").get("exit_code").asInt());
            assertEquals(List.of("读取 " + home + " 的批次", "已发布版本 7"), texts(view.get("lines")));
            assertEquals("已发布版本 7", view.get("run").get("last_line").asText());
            assertEquals(202, admin.post("/api/v1/admin/etl-runs", null).status(), "the next run may start");
            waitUntilFinished(admin, id + 1);
            assertEquals(2, admin.get("/api/v1/admin/etl-runs").json().get("runs").size());
        }
        try (PortalFixture failing = new PortalFixture(home.resolve("failing"), PortalSettings.defaults(),
                List.of("sh", "-c", "echo 数据测试未通过 >&2; exit 3"))) {
            PortalClient admin = failing.login("admin1");
            long id = admin.post("/api/v1/admin/etl-runs", null).json().get("run").get("id").asLong();
            JsonNode view = waitUntilFinished(admin, id);
            assertEquals("failed", view.get("run").get("status").asText());
            assertEquals(3, view.get("run").get("exit_code").asInt());
            assertEquals(List.of("数据测试未通过"), texts(view.get("lines")), "stderr is kept too");
        }
    }

    static JsonNode waitUntilFinished(PortalClient admin, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = admin.get("/api/v1/admin/etl-runs/" + id).json();
            if (!view.get("running").asBoolean() && !view.get("run").get("status").asText().equals("running")) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ETL run " + id + " did not finish");
    }
}
