package cn.yinling.dashboard.explorer;

import static cn.yinling.dashboard.explorer.ExplorerFixture.CITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.FORMULA_COMMUNITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.GULOU;
import static cn.yinling.dashboard.explorer.ExplorerFixture.HUANGLOU_STREET;
import static cn.yinling.dashboard.explorer.ExplorerFixture.YUNLONG;
import static cn.yinling.dashboard.explorer.ExplorerFixture.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.auth.Role;
import cn.yinling.warehouse.config.UnitRegistry;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.Response;
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
 * GET /api/v1/exports/…: the explorer's table, the comparison of child regions, the pyramid's age bands and the
 * submission matrix, as XLSX opened again with POI and as CSV read byte by byte; the figures are the explorer
 * fixture's, worked out by hand.
 */
class ExportApiTest {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String EXPLORER = "/api/v1/exports/explorer/series?kpis=aging_rate_60,pop_60&regions=" + CITY + ","
            + GULOU + "&from=2023-11&to=2024-12";

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

    record Download(String contentType, String fileName, String version, byte[] body) {
    }

    static Download download(HttpClient client, String cookie, String path) throws IOException {
        try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
            byte[] body = response.body().bytes();
            assertEquals(200, response.code(), () -> path + " answered " + new String(body, StandardCharsets.UTF_8));
            String disposition = response.header("Content-Disposition");
            String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
            return new Download(response.header("Content-Type"), URLDecoder.decode(encoded, StandardCharsets.UTF_8),
                    response.header("X-Data-Version"), body);
        }
    }

    static XSSFWorkbook workbook(Download d) throws IOException {
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", d.contentType());
        return new XSSFWorkbook(new ByteArrayInputStream(d.body()));
    }

    static List<String> csvLines(Download d) {
        assertEquals("text/csv; charset=utf-8", d.contentType().toLowerCase());
        assertArrayEquals(BOM, Arrays.copyOf(d.body(), 3), "UTF-8 with BOM, so Chinese Excel reads it as UTF-8");
        String text = new String(d.body(), 3, d.body().length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        return List.of(text.split("\r\n"));
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        assertEquals(CellType.STRING, cell.getCellType(), "column " + column + " of row " + row.getRowNum());
        return cell.getStringCellValue();
    }

    static double number(Row row, int column) {
        Cell cell = row.getCell(column);
        assertEquals(CellType.NUMERIC, cell.getCellType(), "a number cell: column " + column + " of row " + row.getRowNum());
        return cell.getNumericCellValue();
    }

    static List<String> headers(Row row) {
        return java.util.stream.IntStream.range(0, row.getLastCellNum()).mapToObj(i -> text(row, i)).toList();
    }

    static void noFormulas(XSSFWorkbook book) {
        for (Sheet sheet : book) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(), "no formula cells: " + cell.getAddress());
                }
            }
        }
    }

    static final List<String> EXPLORER_HEADERS = List.of("指标", "指标代码", "分项", "区域", "区划代码", "月份", "指标值",
            "单位", "分子", "分母", "环比变化", "环比增长率（%）", "同比变化", "同比增长率（%）", "变化单位", "说明");

    @Test
    void explorerTableAsXlsxWithTitleVersionHeaderAndNumberCells() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, leader, EXPLORER + "&format=xlsx");
            assertEquals("趋势分析-老龄化率(60岁+)、60岁及以上老年人口-徐州市、鼓楼区-2023-11至2024-12-第1版.xlsx", d.fileName());
            assertEquals("1", d.version());
            try (XSSFWorkbook book = workbook(d)) {
                Sheet sheet = book.getSheet("趋势分析");
                assertEquals("趋势分析：老龄化率(60岁+)、60岁及以上老年人口 · 徐州市、鼓楼区 · 2023年11月至2024年12月 · 数据版本第 1 版",
                        text(sheet.getRow(0), 0), "the title names the KPIs, regions, months and the data version");
                assertTrue(text(sheet.getRow(1), 0).matches("导出时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（北京时间）"),
                        text(sheet.getRow(1), 0));
                assertEquals(ExportTables.CHANGES_NOTE, text(sheet.getRow(2), 0));
                assertEquals(EXPLORER_HEADERS, headers(sheet.getRow(3)));
                assertEquals(3 + 16, sheet.getLastRowNum(), "2 KPIs × 2 regions × 4 months after the header");

                // aging_rate_60 of the city: its 4th month, 2024-12: 246 / 1000 = 24.6 %, +0.6 and +2.1 points
                Row dec = sheet.getRow(4 + 3);
                assertEquals(List.of("老龄化率(60岁+)", "aging_rate_60"), List.of(text(dec, 0), text(dec, 1)));
                assertNull(dec.getCell(2), "no breakdown");
                assertEquals("徐州市", text(dec, 3));
                assertEquals("320300000000", text(dec, 4), "region codes stay text: 12 digits, not 3.2E+11");
                assertEquals("2024-12", text(dec, 5));
                assertEquals(24.6, number(dec, 6), 1e-9);
                assertEquals("#,##0.00", dec.getCell(6).getCellStyle().getDataFormatString());
                assertEquals("%", text(dec, 7));
                assertEquals(246, number(dec, 8), 1e-9);
                assertEquals(1000, number(dec, 9), 1e-9);
                assertEquals(0.6, number(dec, 10), 1e-9);
                assertNull(dec.getCell(11), "no growth rate for a % KPI");
                assertEquals(2.1, number(dec, 12), 1e-9);
                assertEquals("个百分点", text(dec, 14));
                assertNull(dec.getCell(15));

                // Gulou has no aging_rate_60 row for 2023-11: no figure, the reason instead
                Row none = sheet.getRow(4 + 4);
                assertEquals(List.of("鼓楼区", "2023-11"), List.of(text(none, 3), text(none, 5)));
                assertNull(none.getCell(6));
                assertEquals("暂无数据：该区域本月没有该指标的数据。", text(none, 15));

                // pop_60 of Gulou, 2024-11: 126 people, +11 (9.57 %) against 2023-11, nothing against 2024-10
                Row people = sheet.getRow(4 + 12 + 2);
                assertEquals(List.of("pop_60", "鼓楼区", "2024-11"), List.of(text(people, 1), text(people, 3), text(people, 5)));
                assertEquals(126, number(people, 6), 1e-9);
                assertEquals("#,##0", people.getCell(6).getCellStyle().getDataFormatString());
                assertNull(people.getCell(9), "a count has no denominator");
                assertNull(people.getCell(10));
                assertEquals(11, number(people, 12), 1e-9);
                assertEquals(11.0 / 115 * 100, number(people, 13), 1e-9);
                assertEquals("人", text(people, 14));
                noFormulas(book);
            }
        });
    }

    @Test
    void explorerTableAsCsvWithBomHeaderValuesAndAFormulaLookingNameNeutralised() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, leader, "/api/v1/exports/explorer/series?kpis=pop_60&regions="
                    + FORMULA_COMMUNITY + "&format=csv");
            assertEquals("趋势分析-60岁及以上老年人口-=1+2社区居委会-2023-11至2024-12-第1版.csv", d.fileName());
            List<String> lines = csvLines(d);
            assertEquals(String.join(",", EXPLORER_HEADERS), lines.get(0));
            assertEquals(1 + 4, lines.size());
            assertEquals("60岁及以上老年人口,pop_60,,'=1+2社区居委会,320302001002,2023-11,,人,,,,,,,人,暂无数据：该区域本月没有该指标的数据。",
                    lines.get(1), "the name from the feed starts with '=': an apostrophe keeps it text");
            // 2024-12: 30 people, 28 a month before: +2, 2 / 28 = 7.142857 %; 2023-12 has no row: no 同比
            assertEquals("60岁及以上老年人口,pop_60,,'=1+2社区居委会,320302001002,2024-12,30,人,30,,2,7.142857,,,人,",
                    lines.get(4));

            Download rates = download(client, leader, EXPLORER + "&format=csv");
            List<String> rows = csvLines(rates);
            // aging_rate_60 of the city, 2024-12 (float noise of 24.6 − 24.0 left out)
            assertEquals("老龄化率(60岁+),aging_rate_60,,徐州市,320300000000,2024-12,24.6,%,246,1000,0.6,,2.1,,个百分点,",
                    rows.get(4));
            // pop_60 of the city, 2023-12: 225 after 220: +5, 5 / 220 = 2.272727 %
            assertEquals("60岁及以上老年人口,pop_60,,徐州市,320300000000,2023-12,225,人,225,,5,2.272727,,,人,", rows.get(10));
        });
    }

    @Test
    void theComparisonOfChildRegionsAsOnTheThemePage() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, leader,
                    "/api/v1/exports/kpis/aging_rate_60/children?region=" + CITY + "&month=2024-12&format=xlsx");
            assertEquals("下级区域对比-老龄化率(60岁+)-徐州市-2024-12-第1版.xlsx", d.fileName());
            try (XSSFWorkbook book = workbook(d)) {
                Sheet sheet = book.getSheetAt(0);
                assertEquals("老龄化率(60岁+) · 徐州市下级区域对比 · 2024年12月 · 数据版本第 1 版", text(sheet.getRow(0), 0));
                assertTrue(text(sheet.getRow(1), 0).startsWith("导出时间："));
                assertEquals("徐州市本级指标值：24.60 %；指标公式：60岁及以上老年人口 ÷ 户籍总人口", text(sheet.getRow(2), 0));
                assertEquals(List.of("区域", "区划代码", "层级", "指标值", "单位", "分子", "分母", "目标值", "达标情况", "说明"),
                        headers(sheet.getRow(3)));
                Row gulou = sheet.getRow(4);
                assertEquals(List.of("鼓楼区", GULOU, "区县"), List.of(text(gulou, 0), text(gulou, 1), text(gulou, 2)));
                assertEquals(21.5, number(gulou, 3), 1e-9);   // 129 / 600
                assertEquals(129, number(gulou, 5), 1e-9);
                assertEquals(600, number(gulou, 6), 1e-9);
                Row yunlong = sheet.getRow(5);
                assertEquals(YUNLONG, text(yunlong, 1));
                assertNull(yunlong.getCell(3));
                assertEquals("暂无数据：该区域本月没有该指标的数据。", text(yunlong, 9));
                assertEquals(5, sheet.getLastRowNum(), "two districts");
            }
            Download csv = download(client, leader, "/api/v1/exports/kpis/facilities_open/children?region=" + GULOU
                    + "&month=2024-12&breakdown=institution&format=csv");
            assertEquals("下级区域对比-运营中养老服务设施数（养老机构）-鼓楼区-2024-12-第1版.csv", csv.fileName());
            assertEquals("区域,区划代码,层级,指标值,单位,分子,分母,目标值,达标情况,说明", csvLines(csv).get(0));
            assertEquals("黄楼街道,320302001000,街道乡镇,,个,,,,,暂无数据：该区域本月没有该指标的数据。", csvLines(csv).get(1));
        });
    }

    @Test
    void theBreakdownTableOfAByTypeKpi() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, leader,
                    "/api/v1/exports/kpis/facilities_open?region=" + CITY + "&month=2024-12&format=csv");
            assertEquals("分项构成-运营中养老服务设施数-徐州市-2024-12-第1版.csv", d.fileName());
            // 2024-12 against 2024-11: 7 after 7 in all, institutions 4 after 4, day-care centres 3 after 3
            assertEquals(List.of("分项,分项代码,指标值,单位,分子,分母,较上月变化,说明",
                    "合计,,7,个,7,,0,",
                    "街道日间照料中心,day_care_center,3,个,3,,0,",
                    "养老机构,institution,4,个,4,,0,"), csvLines(d), "the card's order, as on the page");
            Download nov = download(client, leader,
                    "/api/v1/exports/kpis/facilities_open?region=" + CITY + "&month=2024-11&format=csv");
            // 2024-11 against 2024-10, a month the version does not have: no change
            assertEquals("养老机构,institution,4,个,4,,,", csvLines(nov).get(3));
        });
    }

    @Test
    void thePyramidOfAStreetWithItsAgeBandsAndTheYearBefore() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, leader,
                    "/api/v1/exports/population/pyramid?region=" + HUANGLOU_STREET + "&month=2024-12&format=csv");
            assertEquals("人口年龄结构-黄楼街道-2024-12-第1版.csv", d.fileName());
            // pyramid.sql: 2024-12 men 108, women 114, together 222, 60+ 42; 2023-12 217, 60+ 36
            assertEquals(List.of(
                    "年龄段,男,女,合计,占总人口（%）,上年同期男,上年同期女,上年同期合计,较上年增减",
                    "0-14岁,20,18,38,17.117117,21,19,40,-2",          // 38 / 222
                    "15-59岁,70,72,142,63.963964,71,70,141,1",        // 142 / 222
                    "60-64岁,10,12,22,9.90991,9,11,20,2",             // 22 / 222 = 9.909910
                    "65-69岁,8,9,17,7.657658,8,8,16,1",
                    "80-84岁,0,3,3,1.351351,0,0,0,3",                 // nobody of 80-84 a year earlier
                    "60岁及以上,,,42,18.918919,,,36,6",
                    "合计,108,114,222,100,109,108,217,5"), csvLines(d));

            try (XSSFWorkbook book = workbook(download(client, leader,
                    "/api/v1/exports/population/pyramid?region=" + HUANGLOU_STREET + "&month=2024-12&format=xlsx"))) {
                Sheet sheet = book.getSheet("人口年龄结构");
                assertEquals("人口年龄结构 · 黄楼街道 · 2024年12月（上年同期 2023年12月） · 数据版本第 1 版",
                        text(sheet.getRow(0), 0));
                Row total = sheet.getRow(sheet.getLastRowNum());
                assertEquals("合计", text(total, 0));
                assertEquals(222, number(total, 3), 1e-9);
                assertEquals(5, number(total, 8), 1e-9);
            }
        });
    }

    @Test
    void theSubmissionMatrixForPlanners() {
        String planner = TestDependencies.sessionCookie(deps, "planner1", Role.planner, null);
        // the city's own units.csv, so the matrix below does not follow the shipped default of the synthetic city
        UnitRegistry.of(List.of(
                new UnitRegistry.Unit("stats:320300", "徐州市统计局", List.of("region"), 10),
                new UnitRegistry.Unit("public_security:320300", "徐州市公安局", List.of("household", "death"), 10),
                new UnitRegistry.Unit("health:320300", "徐州市卫生健康委员会", List.of("death"), 10),
                new UnitRegistry.Unit("civil_affairs:320300", "徐州市民政局", List.of("facility", "death"), 10)))
                .save(deps.home());
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            Download d = download(client, planner, "/api/v1/exports/submissions?month=2024-12&format=csv");
            assertEquals("报送情况-2024-12.csv", d.fileName());
            assertNull(d.version(), "the landing zone, not a warehouse version");
            List<String> lines = csvLines(d);
            // 4 units; the feeds any of them sends, in feeds.json order
            assertEquals("单位,单位代码,统计用区划代码,户籍人口,死亡登记,养老服务设施", lines.get(0));
            assertEquals("徐州市统计局,stats:320300,未报送（已超期）,—,—,—", lines.get(1), "nothing landed; due 2025-01-10");
            assertEquals("徐州市公安局,public_security:320300,—,未报送（已超期）,未报送（已超期）,—", lines.get(2));
            assertEquals("徐州市民政局,civil_affairs:320300,—,—,未报送（已超期）,未报送（已超期）", lines.get(4));
            assertEquals(5, lines.size());
            assertEquals(403, client.get("/api/v1/exports/submissions?month=2024-12",
                    r -> r.header("Cookie", leader)).code(), "the matrix is for planners and admins");
        });
    }

    @Test
    void everyExportIsInTheAuditLogAndOnlyForTheRolesThatMayExport() {
        String uploader = TestDependencies.sessionCookie(deps, "police1", Role.uploader, "public_security:320300");
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            download(client, leader, EXPLORER + "&format=xlsx");
            download(client, leader, "/api/v1/exports/population/pyramid?region=" + HUANGLOU_STREET + "&format=csv");
            List<AuditEntry> exports = deps.audit().page(null, "export", null, 10);
            assertEquals(2, exports.size());
            AuditEntry pyramid = exports.get(0);   // newest first
            assertEquals(List.of("leader1", "leader", "pyramid", "ok"),
                    List.of(pyramid.actor(), pyramid.role(), pyramid.target(), pyramid.outcome()));
            assertEquals("csv region=320302001000 month=2024-12 version=1 rows=7", pyramid.detail());
            assertEquals("xlsx kpis=aging_rate_60,pop_60 regions=320300000000,320302000000 from=2023-11 to=2024-12 "
                    + "version=1 rows=16", exports.get(1).detail());
            assertEquals("explorer", exports.get(1).target());

            assertEquals("您的角色（成员单位填报员）无权执行此操作。", error(client, uploader, EXPLORER, 403),
                    "an uploader reads the KPI pages but exports nothing (spec/architecture.md roles)");
            assertEquals(401, client.get(EXPLORER).code());
            assertEquals("导出格式应为 xlsx 或 csv，实际为：pdf", error(client, leader, EXPLORER + "&format=pdf", 400));
            assertEquals("未知指标代码：nope，请从指标列表中选择。",
                    error(client, leader, "/api/v1/exports/explorer/series?kpis=nope", 404));
            assertEquals(2, deps.audit().page(null, "export", null, 10).size(), "refused exports are not exports");
        });
    }
}
