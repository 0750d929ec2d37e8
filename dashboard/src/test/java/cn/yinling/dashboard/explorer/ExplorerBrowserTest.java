package cn.yinling.dashboard.explorer;

import static cn.yinling.dashboard.explorer.ExplorerFixture.CITY;
import static cn.yinling.dashboard.explorer.ExplorerFixture.GULOU;
import static cn.yinling.dashboard.explorer.ExplorerFixture.HUANGLOU_STREET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.BrowserAccess;
import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * 趋势分析 in Chromium over the explorer fixture: a planner builds a view of two KPIs and two regions with the
 * pickers, reads the four series and the table with its changes, reloads (the view comes back from the URL), goes
 * back, downloads the table as XLSX (opened again with POI) and the chart as PNG; the pyramid of a street; the theme
 * page's way in and its comparison export. One browser for the class, signed in once; no console warnings or errors.
 */
class ExplorerBrowserTest {

    static Path home;
    static Path profile;
    static Path downloads;
    static Dependencies deps;
    static Javalin app;
    static BrowserAccess browser;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        try {
            home = Files.createTempDirectory("explorer-browser-home");
            profile = Files.createTempDirectory("explorer-browser-profile");
            downloads = Files.createTempDirectory("explorer-browser-downloads");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ExplorerFixture.publish(home);
        deps = TestDependencies.create(home, Duration.ofSeconds(1));
        TestDependencies.account(deps, "planner1", Role.planner, null);
        app = DashboardApp.create(deps).start("127.0.0.1", 0);
        browser = BrowserAccess.open(profile, downloads, "http://127.0.0.1:" + app.port());
        driver = browser.driver;
        browser.open("/explorer.html");
        browser.login("planner1", TestDependencies.PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.stop();
        }
        if (deps != null) {
            deps.close();
        }
        for (Path dir : new Path[] {home, profile, downloads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @BeforeEach
    void emptyDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    @AfterEach
    void consoleIsClean() {
        String problems = browser.consoleProblems();
        assertTrue(problems.isEmpty(), () -> "browser console: " + problems);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void waitIdle() {
        browser.waitFor(d -> "0".equals(js("return document.documentElement.dataset.loading")));
    }

    /** Opens a page and waits until the explorer has drawn the view. */
    static void open(String path) {
        browser.open(path);
        browser.waitFor(d -> !d.findElements(By.cssSelector("#kpi-list .choice")).isEmpty());
        waitIdle();
    }

    static long series(String chartId) {
        return (Long) js("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series.length",
                chartId);
    }

    static List<String> cells(String seriesKey, String month) {
        return browser.texts("#series-table tr[data-series='" + seriesKey + "'][data-month='" + month + "'] td");
    }

    static String query() {
        return driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('?') + 1);
    }

    static Path waitForDownload(String extension) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> list = Files.list(downloads)) {
                var done = list.filter(p -> p.toString().endsWith(extension)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + extension + " downloaded into " + downloads);
    }

    @Test
    void twoKpisOfTwoRegionsInOneChartWithTheTableRestoredFromTheUrlAndExported() throws Exception {
        open("/explorer.html");
        assertEquals("趋势分析", browser.find("header nav a.current").getText());
        // the default view: the first headline KPI of the first theme, for the city
        assertEquals(List.of("徐州市"), browser.texts("#region-chips .chip-name"));
        assertEquals(1L, series("explorer-chart"));

        // a second KPI from its theme's list, a second region from the search
        browser.find("#kpi-list .choice[data-kpi='aging_rate_60'] input").click();
        waitIdle();
        browser.find("#region-search").sendKeys("鼓楼");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#region-results li[data-region='" + GULOU + "']")).isEmpty());
        browser.find("#region-results li[data-region='" + GULOU + "']").click();
        waitIdle();

        assertEquals("4", browser.find("#explorer-chart").getAttribute("data-series"));
        assertEquals(4L, series("explorer-chart"), "2 KPIs × 2 regions");
        assertEquals(List.of("人（左轴，实线）", "%（右轴，虚线）"), js("return echarts.getInstanceByDom(document.getElementById('explorer-chart'))"
                + ".getOption().yAxis.map(a => a.name)"), "people and percent: an axis each");
        assertEquals(List.of("60岁及以上老年人口 · 徐州市（人）", "60岁及以上老年人口 · 鼓楼区（人）", "老龄化率(60岁+) · 徐州市（%）",
                "老龄化率(60岁+) · 鼓楼区（%）"), browser.texts("#series-table .series-head th"));
        // the table: value, numerator, denominator, 环比, 同比 (worked out in ExplorerApiTest)
        assertEquals(List.of("2024年12月", "24.60 %", "246", "1,000", "+0.60 个百分点", "+2.10 个百分点"),
                cells("aging_rate_60|" + CITY + "|", "2024-12"));
        assertEquals(List.of("2024年11月", "24.00 %", "240", "1,000", "—", "+2.00 个百分点"),
                cells("aging_rate_60|" + CITY + "|", "2024-11"), "2024-10 is missing: no 环比");
        assertEquals(List.of("2024年12月", "246 人", "246", "—", "+6 人（+2.50%）", "+21 人（+9.33%）"),
                cells("pop_60|" + CITY + "|", "2024-12"));
        assertEquals(List.of("2023年11月", "暂无数据", "—", "—", "—", "—"), cells("aging_rate_60|" + GULOU + "|", "2023-11"));
        String view = "kpis=pop_60,aging_rate_60&regions=" + CITY + "," + GULOU + "&from=2023-11&to=2024-12&chart=line";
        assertEquals(view, query());
        String table = browser.find("#series-table").getText();
        browser.screenshot("explorer.png");

        // the same view after a reload, from the URL alone
        driver.navigate().refresh();
        browser.waitFor(d -> !d.findElements(By.cssSelector("#series-table tbody")).isEmpty());
        waitIdle();
        assertEquals(view, query());
        assertEquals(4L, series("explorer-chart"));
        assertEquals(table, browser.find("#series-table").getText());
        assertTrue(browser.find("#kpi-list .choice[data-kpi='aging_rate_60'] input").isSelected());
        assertTrue(browser.find("#kpi-list .choice[data-kpi='pop_60'] input").isSelected());
        assertEquals(List.of("徐州市", "鼓楼区"), browser.texts("#region-chips .chip-name"));
        assertEquals("2023-11", js("return document.getElementById('from-select').value"));

        // bar chart, a narrower range, then back twice
        browser.find("#chart-bar").click();
        waitIdle();
        assertEquals("bar", js("return echarts.getInstanceByDom(document.getElementById('explorer-chart')).getOption().series[0].type"));
        js("const s = document.getElementById('from-select'); s.value = '2024-11'; s.dispatchEvent(new Event('change'));");
        waitIdle();
        assertEquals(List.of(), cells("pop_60|" + CITY + "|", "2023-12"), "2023-12 is before the range now");
        assertTrue(query().contains("from=2024-11") && query().contains("chart=bar"), query());
        driver.navigate().back();
        browser.waitFor(d -> query().contains("from=2023-11"));
        waitIdle();
        assertEquals(6, cells("pop_60|" + CITY + "|", "2023-12").size(), "2023-12 is back in the table");
        driver.navigate().back();
        browser.waitFor(d -> query().equals(view));
        waitIdle();
        assertEquals("line", js("return echarts.getInstanceByDom(document.getElementById('explorer-chart')).getOption().series[0].type"));

        // the table as XLSX, made on the server from the same query
        browser.find("#trend-tab [data-export='xlsx']").click();
        Path xlsx = waitForDownload(".xlsx");
        assertEquals("趋势分析-60岁及以上老年人口、老龄化率(60岁+)-徐州市、鼓楼区-2023-11至2024-12-第1版.xlsx",
                xlsx.getFileName().toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("趋势分析");
            assertEquals("趋势分析：60岁及以上老年人口、老龄化率(60岁+) · 徐州市、鼓楼区 · 2023年11月至2024年12月 · 数据版本第 1 版",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("指标", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(3 + 16, sheet.getLastRowNum());
            // the last row: aging_rate_60 of Gulou in 2024-12, 129 / 600 = 21.5 %, +0.5 and +1.5 points
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertEquals(List.of("aging_rate_60", "鼓楼区", "2024-12"), List.of(last.getCell(1).getStringCellValue(),
                    last.getCell(3).getStringCellValue(), last.getCell(5).getStringCellValue()));
            assertEquals(CellType.NUMERIC, last.getCell(6).getCellType());
            assertEquals(21.5, last.getCell(6).getNumericCellValue(), 1e-9);
            assertEquals(0.5, last.getCell(10).getNumericCellValue(), 1e-9);
            assertEquals(1.5, last.getCell(12).getNumericCellValue(), 1e-9);
        }

        // the chart as PNG
        browser.find("#trend-tab [data-export='png']").click();
        Path png = waitForDownload(".png");
        assertEquals("趋势分析-2023-11至2024-12.png", png.getFileName().toString());
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        assertTrue(Files.size(png) > 5000, "a drawn chart, not an empty image: " + Files.size(png));
    }

    @Test
    void thePyramidOfAStreetWithItsAgeBandsAndItsExport() throws Exception {
        open("/explorer.html?tab=pyramid&regions=" + CITY + "," + HUANGLOU_STREET + "&region=" + HUANGLOU_STREET
                + "&month=2024-12");
        browser.waitFor(d -> d.findElement(By.id("pyramid-current-title")).getText().contains("黄楼街道"));
        assertTrue(browser.find("#trend-tab").getAttribute("hidden") != null, "the trend is on the other tab");
        assertEquals("2024年12月　黄楼街道　合计 222 人", browser.find("#pyramid-current-title").getText());
        // 22 of 222 people are 60-64 (9.91 %), 20 a year earlier
        assertEquals(List.of("60-64岁", "10", "12", "22", "9.91%", "20", "+2 人"),
                browser.texts("#pyramid-table tr[data-band='60-64'] td"));
        assertEquals(2L, series("pyramid-chart"), "men and women");
        browser.screenshot("explorer-pyramid.png");

        browser.find("#pyramid-tab [data-export='csv']").click();
        Path csv = waitForDownload(".csv");
        assertEquals("人口年龄结构-黄楼街道-2024-12-第1版.csv", csv.getFileName().toString());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF年龄段,男,女,合计,"), text);
        assertTrue(text.contains("\r\n60-64岁,10,12,22,9.90991,9,11,20,2\r\n"), text);

        // the city has no pyramid in this fixture: the page says so rather than drawing zeros
        js("const s = document.getElementById('pyramid-region'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
                CITY);
        browser.waitFor(d -> d.findElement(By.id("pyramid-current-title")).getText().contains("徐州市"));
        waitIdle();
        assertTrue(browser.find("#pyramid-table tbody").getText().contains("暂无人口年龄结构数据"));
        assertTrue(query().contains("region=" + CITY), query());
    }

    @Test
    void theThemePageLeadsIntoTheExplorerAndExportsItsComparison() throws Exception {
        browser.open("/themes/population?region=" + CITY + "&month=2024-12&kpi=aging_rate_60");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#children-table tbody tr")).isEmpty());
        waitIdle();
        browser.find("#compare-panel [data-export='xlsx']").click();
        Path xlsx = waitForDownload(".xlsx");
        assertEquals("下级区域对比-老龄化率(60岁+)-徐州市-2024-12-第1版.xlsx", xlsx.getFileName().toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Row gulou = book.getSheetAt(0).getRow(4);
            assertEquals("鼓楼区", gulou.getCell(0).getStringCellValue());
            assertEquals(21.5, gulou.getCell(3).getNumericCellValue(), 1e-9);
        }

        browser.find("#explorer-link").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/explorer.html"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("#series-table tbody")).isEmpty());
        waitIdle();
        assertEquals("kpis=aging_rate_60&regions=" + CITY + "&from=2023-11&to=2024-12&chart=line", query());
        assertEquals(1L, series("explorer-chart"));

        // three units (%, people, facilities): one small chart each, one under another
        browser.find("#kpi-list .choice[data-kpi='pop_60'] input").click();
        waitIdle();
        browser.find("#kpi-list .choice[data-kpi='facilities_open'] input").click();
        waitIdle();
        assertEquals(3L, series("explorer-chart"));
        assertEquals(3L, js("return echarts.getInstanceByDom(document.getElementById('explorer-chart')).getOption().grid.length"));
        // a by-type KPI: one of its types instead of the total
        js("const s = document.querySelector(\"select.breakdown-select[data-kpi='facilities_open']\");"
                + "s.value = 'institution'; s.dispatchEvent(new Event('change'));");
        waitIdle();
        assertTrue(query().contains("breakdown=facilities_open:institution"), query());
        String institutions = "facilities_open|" + CITY + "|institution";
        assertEquals(List.of("2024年12月", "4 个", "4", "—", "持平", "+1 个（+33.33%）"), cells(institutions, "2024-12"));
        assertTrue(browser.texts("#series-table .series-head th").contains("运营中养老服务设施数（养老机构） · 徐州市（个）"));
        browser.screenshot("explorer-multiples.png");
    }
}
