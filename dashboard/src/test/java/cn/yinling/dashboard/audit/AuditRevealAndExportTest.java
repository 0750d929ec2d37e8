package cn.yinling.dashboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reveal shows one person once and leaves a trace only in the audit log (reason and person_key, not the values);
 * an XLSX export is masked except for the persons the same session revealed, and neutralises formula-like text.
 */
class AuditRevealAndExportTest {

    static final String ZHANG_NAME = "张三";
    static final String ZHANG_ID = "320302195001011234";
    static final String OUYANG_NAME = "欧阳娜娜";
    static final String OUYANG_ID = "32030219400303567X";

    @TempDir
    Path home;
    Dependencies deps;
    Javalin app;
    String base;
    private final PrintStream originalErr = System.err;
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        new AuditFixture(home).firstVersion();
        // everything the server logs while the test runs (slf4j-simple writes to the current System.err)
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        deps = TestDependencies.create(home, Duration.ZERO);
        app = DashboardApp.create(deps).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        deps.close();
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void aRevealedIdentityIsShownOnceAndLoggedWithItsReasonButWithoutTheValues() throws IOException {
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);

        assertEquals(400, planner.post("/api/v1/audit/reveal", Map.of("finding_id", "f1", "reason", "看")).status(),
                "a reason is required");
        assertEquals(400, planner.post("/api/v1/audit/reveal", Map.of("finding_id", "f1", "person_key", "p-zhang",
                "reason", "核实死亡后发放")).status(), "one of the two");
        assertEquals(404, planner.post("/api/v1/audit/reveal", Map.of("person_key", "p-nobody",
                "reason", "核实死亡后发放")).status(), "only persons of the version's lists");

        AuditClient.Response revealed = planner.post("/api/v1/audit/reveal",
                Map.of("finding_id", "f1", "reason", "核实死亡后仍发放，需联系家属追回"));
        assertEquals(200, revealed.status(), revealed.text());
        assertEquals(ZHANG_NAME, revealed.json().get("name").asText());
        assertEquals(ZHANG_ID, revealed.json().get("id_number").asText());
        assertEquals("no-store", revealed.header("Cache-Control"));

        AuditClient.Response visit = planner.post("/api/v1/audit/reveal",
                Map.of("person_key", "p-sima", "reason", "街道安排上门核实生存状况"));
        assertEquals("司马光", visit.json().get("name").asText());

        List<AuditEntry> reveals = deps.audit().page(null, AuditLog.REVEAL, null, 10);
        assertEquals(List.of("person:p-sima", "finding:f1"), reveals.stream().map(AuditEntry::target).toList());
        AuditEntry entry = reveals.get(1);
        assertEquals("planner1", entry.actor());
        assertEquals("person_key=p-zhang reason=核实死亡后仍发放，需联系家属追回", entry.detail());

        // Shown once: the list goes on showing the person masked.
        AuditClient.Response list = planner.get("/api/v1/audit/findings?rule=A01");
        assertTrue(list.text().contains("张*"));
        assertFalse(list.text().contains(ZHANG_NAME) || list.text().contains(ZHANG_ID));

        // Nowhere else: not in the app store (database and its write-ahead log), not in the logs.
        app.stop();
        List<String> stored = new ArrayList<>();
        try (Stream<Path> files = Files.list(home.resolve("app"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                stored.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertFalse(stored.isEmpty());
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("serving warehouse version 1"),
                "the server's log lines are captured");
        for (String secret : List.of(ZHANG_NAME, ZHANG_ID, "司马光", "320302192807078882")) {
            assertTrue(stored.stream().noneMatch(s -> s.contains(secret)), secret + " in the app store");
            assertFalse(logs.toString(StandardCharsets.UTF_8).contains(secret), secret + " in the logs");
        }
        assertTrue(stored.stream().anyMatch(s -> s.contains("核实死亡后仍发放")), "the reason is stored");
    }

    @Test
    void anExportIsMaskedExceptForPersonsRevealedInTheSameSessionAndNeutralisesFormulas() throws IOException {
        AuditClient planner = AuditClient.signIn(base, deps, "planner1", Role.planner, null);
        AuditClient otherSession = AuditClient.session(base, deps, "planner1");
        assertEquals(200, planner.post("/api/v1/audit/reveal",
                Map.of("finding_id", "f2", "reason", "追回多发津贴需核对身份")).status());
        assertEquals(201, planner.post("/api/v1/audit/findings/f1/marks",
                Map.of("status", "confirmed", "comment", "=1+1 核实")).status());

        AuditClient.Response export = planner.get("/api/v1/audit/exports/findings?rule=A01&month=2024-12");
        assertEquals(200, export.status(), export.text());
        assertTrue(export.header("Content-Disposition").contains("filename*=UTF-8''"));
        List<List<String>> sheet = sheet(export.body(), "稽核疑点");
        assertEquals(List.of("规则", "规则名称", "月份", "姓名", "公民身份号码", "区划代码", "区域", "金额（元）", "证据",
                "当前标记", "标记说明", "首次发现版本", "工单号", "人员编码", "疑点编号"), sheet.get(0));
        assertEquals(List.of("f6", "f1", "f2"), sheet.subList(1, sheet.size()).stream().map(r -> r.get(14)).toList());
        assertEquals(List.of("", "", "徐州市", "500.0"), List.of(sheet.get(1).get(3), sheet.get(1).get(4),
                sheet.get(1).get(6), sheet.get(1).get(7)));
        assertEquals(List.of("张*", "3203**********1234", "核实属实", "'=1+1 核实", "1.0"), List.of(sheet.get(2).get(3),
                sheet.get(2).get(4), sheet.get(2).get(9), sheet.get(2).get(10), sheet.get(2).get(11)));
        assertEquals(List.of(OUYANG_NAME, OUYANG_ID), List.of(sheet.get(3).get(3), sheet.get(3).get(4)),
                "revealed in this session");

        List<List<String>> orders = sheet(planner.get("/api/v1/audit/exports/findings?rule=A09").body(), "稽核疑点");
        assertEquals("'=HYPERLINK(\"http://example.invalid\",\"服务时长4分钟\")", orders.get(1).get(8));
        assertEquals("O-1001", orders.get(1).get(12));

        List<List<String>> elsewhere = sheet(otherSession.get("/api/v1/audit/exports/findings?rule=A01&month=2024-12")
                .body(), "稽核疑点");
        assertEquals(List.of("欧阳**", "3203**********567X"), List.of(elsewhere.get(3).get(3), elsewhere.get(3).get(4)),
                "another session of the same account did not reveal anyone");

        List<List<String>> visits = sheet(planner.get("/api/v1/audit/exports/needs-visit?month=2024-12").body(),
                "待走访名单");
        assertEquals(List.of("鼓楼区 黄楼街道 黄楼社区居委会 王** 3203**********7771 2024-03-15 老年人健康管理",
                "鼓楼区 丰财街道 丰财社区居委会 司马* 3203**********8882  "), visits.subList(1, visits.size()).stream()
                .map(r -> String.join(" ", r.subList(0, 5)) + " " + r.get(6) + " " + r.get(7)).toList());

        List<AuditEntry> exports = deps.audit().page(null, AuditLog.EXPORT, null, 10);
        assertEquals(List.of(
                "month=2024-12 region=all rows=2 revealed=0 version=1",
                "rule=A01 month=2024-12 region=all rows=3 revealed=0 version=1",
                "rule=A09 month=all region=all rows=1 revealed=0 version=1",
                "rule=A01 month=2024-12 region=all rows=3 revealed=1 version=1"),
                exports.stream().map(AuditEntry::detail).toList());
        assertFalse(logs.toString(StandardCharsets.UTF_8).contains(OUYANG_ID));
    }

    /** Every row of a sheet as text (numbers as Java prints doubles; empty cells as ""), checking no cell is a formula. */
    static List<List<String>> sheet(byte[] xlsx, String name) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(name);
            List<List<String>> rows = new ArrayList<>();
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.FORMULA) {
                        throw new AssertionError("formula cell " + cell.getAddress() + ": " + cell.getCellFormula());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(String.valueOf(cell.getNumericCellValue()));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
