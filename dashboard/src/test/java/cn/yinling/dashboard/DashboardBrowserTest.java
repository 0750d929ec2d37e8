package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.Role;
import cn.yinling.warehouse.kpi.KpiCatalog;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's chromium against the running app over the fixture version (the figures of DashboardApiTest):
 * the overview and each theme page: cards, charts, drill-down to a community and back, the definition panel, the
 * view kept in the URL across a reload, the shared header (navigation, user bar), and a browser console without
 * warnings or errors. One browser for the class, signed in once as a leader; each test opens its page afresh.
 */
class DashboardBrowserTest {

    static final String CITY = DashboardApiTest.CITY;
    static final String GULOU = DashboardApiTest.GULOU;
    static final String HUANGLOU_STREET = DashboardApiTest.HUANGLOU_STREET;
    static final String MINZHU_COMMUNITY = "320302001002";

    static Path home;
    static Path profile;
    static Dependencies deps;
    static Javalin app;
    static Browser browser;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        home = Files.createTempDirectory("dashboard-browser-home");
        profile = Files.createTempDirectory("dashboard-browser-profile");
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        deps = TestDependencies.create(home, Duration.ofSeconds(1));
        TestDependencies.account(deps, "leader1", Role.leader, null);
        app = DashboardApp.create(deps).start("127.0.0.1", 0);
        browser = new Browser(profile, null, "http://127.0.0.1:" + app.port(), "1366,900");
        driver = browser.driver;
        wait = browser.wait;
        // the page redraws whole parts (breadcrumb, cards): an element found a moment ago may be gone; look again
        wait.ignoring(StaleElementReferenceException.class);
        browser.open("/");
        browser.login("leader1", TestDependencies.PASSWORD);
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
        for (Path dir : new Path[] {home, profile}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** Every page, whatever it did: nothing at WARNING or above in the browser console (failed loads included). */
    @AfterEach
    void consoleIsClean() {
        if (browser == null) {
            return;
        }
        String problems = browser.consoleProblems();
        assertTrue(problems.isEmpty(), () -> "browser console: " + problems);
    }

    @Test
    void overviewShowsEachThemesHeadlinesAgainstTargetsAndLinksToTheThemes() throws Exception {
        open("/");
        assertEquals("银龄数仓 · 老龄事业发展监测", driver.getTitle());
        wait.until(d -> d.findElement(By.id("who")).getText().contains("leader1"));
        assertTrue(driver.findElement(By.id("user-bar")).getText().contains("领导"));
        assertFalse(driver.findElement(By.id("user-bar")).getText().contains("数据报送"),
                "a leader is not offered the upload page");
        assertEquals(List.of("总览", "人口概况", "养老服务", "补贴与保障", "健康", "数据质量", "趋势分析", "发展预测", "稽核", "年度报告"),
                texts("header.top nav a"),
                "a leader's navigation: the KPI pages, the audit summary and the annual report, none of the portal's");
        assertEquals("总览", driver.findElement(By.cssSelector("header nav a.current")).getText());
        assertEquals(List.of("人口概况", "养老服务", "补贴与保障", "健康", "数据质量"), texts(".theme-block h2"));
        assertEquals(List.of("pop_60", "aging_rate_60", "pop_80", "special_hardship"),
                driver.findElements(By.cssSelector(".theme-block[data-theme='population'] .card")).stream()
                        .map(e -> e.getAttribute("data-kpi")).toList());
        assertEquals("37人", valueText("pop_80"));
        assertTrue(card("pop_80").getText().contains("较上月 +1 人"), card("pop_80").getText());
        assertEquals("24.00%", valueText("aging_rate_60"));
        assertTrue(card("aging_rate_60").getText().contains("+1.50 个百分点"));
        assertTrue(card("aging_rate_60").getAttribute("title").contains("分子：242.4　分母：1,010"),
                card("aging_rate_60").getAttribute("title"));
        assertTrue(card("aging_rate_60").getAttribute("title").contains("数据来源：户籍人口、死亡登记"));
        assertEquals("暂无数据", valueText("special_hardship"), "living_status was never sent");
        assertTrue(card("nursing_bed_share").getAttribute("class").contains("status-met"));
        assertTrue(card("nursing_bed_share").getText().contains("目标 ≥55% 达标"), card("nursing_bed_share").getText());
        assertEquals("88.89%", valueText("longevity_coverage"), "40 / 45");
        assertTrue(card("longevity_coverage").getText().contains("未达标"));
        assertEquals("无法计算", valueText("visit_rate"), "denominator 0");
        // the chips count every KPI of the theme: services met 1 (nursing 60 ≥ 55), not met 1 (meal 80 < 100)
        WebElement services = driver.findElement(By.cssSelector(".theme-block[data-theme='services']"));
        assertTrue(services.getText().contains("达标 1"), services.getText());
        assertTrue(services.getText().contains("未达标 1"), services.getText());
        assertTrue(services.findElement(By.cssSelector("a.more")).getAttribute("href")
                .endsWith("/themes/services?region=" + CITY + "&month=2024-12"));

        // the home page of #2 still works: the selected card's trend and the district table, drill-down
        assertEquals("aging_rate_60", selectedKpi(), "the first headline with data");
        assertEquals(1, seriesCount("trend-chart"), "no target for aging_rate_60");
        assertEquals(List.of("鼓楼区", "云龙区"), texts("#children-table tbody td:first-child"));
        card("nursing_bed_share").click();
        waitIdle();
        assertEquals(2, seriesCount("trend-chart"), "value and target line");
        assertTrue(driver.getCurrentUrl().contains("kpi=nursing_bed_share"), driver.getCurrentUrl());
        screenshot("overview.png");

        new Select(driver.findElement(By.id("month-select"))).selectByValue("2024-11");
        waitIdle();
        assertEquals("50.00%", valueText("nursing_bed_share"));
        assertTrue(card("nursing_bed_share").getText().contains("未达标"));
        assertEquals("暂无数据", valueText("longevity_coverage"), "allowance came for 2024-12 only");

        driver.findElement(By.cssSelector(".theme-block[data-theme='health'] a.more")).click();
        wait.until(d -> d.getCurrentUrl().contains("/themes/health") && !d.findElements(By.cssSelector(".card")).isEmpty());
        waitIdle();
        assertTrue(driver.getCurrentUrl().contains("/themes/health?region=" + CITY + "&month=2024-11"),
                "the theme opens on the same region and month: " + driver.getCurrentUrl());
        assertEquals("63.04%", valueText("health_mgmt_rate"), "290 / 460");
    }

    @Test
    void populationThemeWithThePyramidBesideThePreviousYear() throws Exception {
        open("/themes/population");
        assertEquals("人口概况 · 银龄数仓 · 老龄事业发展监测", driver.getTitle());
        assertEquals("人口概况", driver.findElement(By.id("page-title")).getText());
        assertEquals("人口概况", driver.findElement(By.cssSelector("header nav a.current")).getText());
        assertEquals(14, driver.findElements(By.cssSelector(".card")).size(), "every population KPI");
        assertEquals("1,010人", valueText("pop_total"));
        assertEquals("暂无数据", valueText("living_alone"));
        assertTrue(card("living_alone").getText().contains("尚未收到「老年人居住状况」报送数据"), card("living_alone").getText());

        assertEquals(2, seriesCount("pyramid-chart"), "men and women");
        assertEquals(2, seriesCount("pyramid-previous-chart"));
        assertTrue(driver.findElement(By.id("pyramid-previous-title")).getText().startsWith("2023年12月（上年同期）"));
        assertEquals(List.of("60-64岁", "40", "42", "82", "8.12%", "78", "+4 人"),
                texts("#pyramid-table tr[data-band='60-64'] td"), "82 / 1010; 38 + 40 a year earlier");
        assertEquals(List.of("合计", "498", "512", "1,010", "100%", "1,016", "−6 人"), texts("#pyramid-table tfoot tr:last-child td"));
        assertEquals(9L, categoryCount("pyramid-chart"), "60+ bands only by default");
        driver.findElement(By.id("pyramid-all")).click();
        waitIdle();
        assertEquals(11L, categoryCount("pyramid-chart"), "with 0-14 and 15-59");
        screenshot("theme-population.png");

        checkThemePage("pop_total", "1,010", "—（计数指标，无分母）",
                List.of("鼓楼区", "黄楼街道", "黄楼社区居委会"), List.of(GULOU, HUANGLOU_STREET, "320302001001"));
        assertEquals("201人", valueText("pop_total"), "Huanglou community in 2024-12");
        wait.until(d -> d.findElement(By.id("pyramid-current-title")).getText().contains("黄楼社区居委会"));
        assertTrue(driver.findElement(By.cssSelector("#pyramid-table tbody")).getText().contains("暂无人口年龄结构数据"));
    }

    @Test
    void servicesThemeWithBreakdownsAndSortableComparison() throws Exception {
        open("/themes/services?kpi=meal_coverage");
        assertEquals(15, driver.findElements(By.cssSelector(".card")).size());
        assertEquals("80.00%", valueText("meal_coverage"));
        assertTrue(card("meal_coverage").getText().contains("较上月 +20.00 个百分点"), card("meal_coverage").getText());
        assertEquals(2, seriesCount("trend-chart"), "value and target 100");
        // sort the districts by value, highest first: Yunlong 100 before Gulou 66.67
        assertEquals(List.of("鼓楼区", "云龙区"), texts("#children-table tbody td:first-child"));
        driver.findElement(By.cssSelector("#children-table th[data-sort='value']")).click();
        assertEquals(List.of("云龙区", "鼓楼区"), texts("#children-table tbody td:first-child"));
        assertEquals(List.of("100.00 %", "66.67 %"), texts("#children-table tbody td:nth-child(2)"));

        card("facilities_open").click();
        waitIdle();
        assertFalse(driver.findElement(By.id("breakdown-panel")).getAttribute("hidden") != null, "breakdown shown");
        assertEquals(List.of("合计", "街道日间照料中心", "养老机构"), texts("#breakdown-table tbody td:first-child"));
        driver.findElement(By.cssSelector("#breakdown-table tr[data-breakdown='day_care_center']")).click();
        waitIdle();
        assertTrue(driver.getCurrentUrl().contains("bd=day_care_center"), driver.getCurrentUrl());
        assertEquals("运营中养老服务设施数 · 街道日间照料中心（个）", driver.findElement(By.id("detail-title")).getText());
        assertEquals("4 个", driver.findElement(By.cssSelector("#definition .figure-value")).getText());
        driver.navigate().refresh();
        waitIdle();
        assertEquals("运营中养老服务设施数 · 街道日间照料中心（个）", driver.findElement(By.id("detail-title")).getText(),
                "the breakdown survives a reload");
        screenshot("theme-services.png");

        card("meal_coverage").click();
        waitIdle();
        checkThemePage("meal_coverage", "4", "5",
                List.of("鼓楼区", "黄楼街道", "民主社区居委会"), List.of(GULOU, HUANGLOU_STREET, MINZHU_COMMUNITY));
        // at a community: compared with its siblings, itself highlighted
        assertEquals("同级区域对比（黄楼街道下辖）", driver.findElement(By.id("compare-title")).getText());
        assertEquals("民主社区居委会", driver.findElement(By.cssSelector("#children-table tr.current td")).getText());
        assertEquals("0.00%", valueText("meal_coverage"));
    }

    @Test
    void allowancesThemeSaysNoDataForAMonthBeforeItsFeedCame() throws Exception {
        open("/themes/allowances?month=2024-12&kpi=longevity_coverage");
        assertEquals(12, driver.findElements(By.cssSelector(".card")).size(), "the group's KPIs, 无感认证率 among them");
        assertEquals("88.89%", valueText("longevity_coverage"));
        assertEquals("162.00万元", valueText("allowance_amount"), "1,620,000 yuan");
        assertEquals("5人", valueText("longevity_missed"));
        assertTrue(card("longevity_missed").getText().contains("目标 ≤0 人 未达标"), card("longevity_missed").getText());
        assertEquals("暂无数据", valueText("pension_coverage"));
        screenshot("theme-allowances.png");
        checkThemePage("longevity_coverage", "40", "45",
                List.of("云龙区"), List.of("320303000000"));
        assertEquals("90.00%", valueText("longevity_coverage"), "Yunlong 18/20");

        new Select(driver.findElement(By.id("month-select"))).selectByValue("2024-11");
        waitIdle();
        assertEquals("暂无数据", valueText("longevity_coverage"), "allowance came for 2024-12 only");
        assertEquals("暂无数据", driver.findElement(By.cssSelector("#definition .figure-value")).getText());
        driver.navigate().back();
        wait.until(d -> valueText("longevity_coverage").equals("90.00%"));
        waitIdle();
        assertTrue(driver.getCurrentUrl().contains("month=2024-12"), "back to 2024-12: " + driver.getCurrentUrl());
    }

    @Test
    void healthTheme() throws Exception {
        open("/themes/health");
        assertEquals(4, driver.findElements(By.cssSelector(".card")).size());
        assertEquals("66.30%", valueText("health_mgmt_rate"));
        assertTrue(card("health_mgmt_rate").getAttribute("class").contains("status-met"), "66.3 ≥ 65");
        assertEquals("75.00%", valueText("family_doctor_rate"));
        assertTrue(card("family_doctor_rate").getAttribute("class").contains("status-met"), "75 meets ≥ 75");
        screenshot("theme-health.png");
        checkThemePage("health_mgmt_rate", "305", "460",
                List.of("鼓楼区", "黄楼街道", "民主社区居委会"), List.of(GULOU, HUANGLOU_STREET, MINZHU_COMMUNITY));
        assertEquals("50.00%", valueText("health_mgmt_rate"), "Minzhu 30/60");
    }

    @Test
    void qualityThemeShowsTheRejectRateByFeed() throws Exception {
        open("/themes/quality?kpi=reject_rate");
        assertEquals(3, driver.findElements(By.cssSelector(".card")).size());
        assertEquals("1.00%", valueText("reject_rate"));
        assertEquals(List.of("养老服务设施", "户籍人口"), texts(".card[data-kpi='reject_rate'] .parts .part-label"));
        assertEquals(List.of("合计", "养老服务设施", "户籍人口"), texts("#breakdown-table tbody td:first-child"));
        assertEquals(List.of("1.00 %", "2.00 %", "0.50 %"), texts("#breakdown-table tbody td:nth-child(2)"));
        assertEquals(1, seriesCount("breakdown-chart"));
        // catalog.json: reject_rate counts the batches of every feed, named as feeds.json names them
        assertEquals("统计用区划代码、户籍人口、死亡登记、老年人居住状况、高龄津贴及养老补贴发放、居家养老服务工单、养老服务设施、"
                        + "老年人健康管理、基本养老金发放、长期护理保险待遇、老年人意外伤害保险、特殊困难老年人探访",
                driver.findElement(By.cssSelector("#definition .sources")).getText());
        screenshot("theme-quality.png");

        checkThemePage("reject_rate", "30", "3,000",
                List.of("鼓楼区"), List.of(GULOU));
        assertEquals("0.75%", valueText("reject_rate"), "Gulou 12/1600");
        // below the districts the quality KPIs are not counted: the page says so rather than showing zeros
        new Select(driver.findElement(By.id("child-select"))).selectByValue(HUANGLOU_STREET);
        waitIdle();
        assertEquals("暂无数据", valueText("reject_rate"));
        assertTrue(card("reject_rate").getText().contains("不按街道乡镇统计"), card("reject_rate").getText());
    }

    // ---- shared checks ---------------------------------------------------------------------------------------

    /**
     * On the open theme page: the KPI's definition panel (the catalog's formula, numerator, denominator), its trend chart, drill
     * down through the comparison table along {@code names}/{@code codes}, reload (the URL keeps the view), and the
     * breadcrumb back to the city.
     */
    private void checkThemePage(String kpi, String numerator, String denominator, List<String> names,
            List<String> codes) throws Exception {
        String formula = KpiCatalog.defaults().get(kpi).formula();
        if (!kpi.equals(selectedKpi())) {
            card(kpi).click();
            waitIdle();
        }
        assertEquals(formula, driver.findElement(By.cssSelector("#definition .formula")).getText());
        assertEquals(numerator, driver.findElement(By.cssSelector("#definition .figure-numerator")).getText());
        assertEquals(denominator, driver.findElement(By.cssSelector("#definition .figure-denominator")).getText());
        assertFalse(driver.findElements(By.cssSelector("#trend-chart canvas")).isEmpty(), "ECharts canvas");
        assertFalse(driver.findElements(By.cssSelector("#compare-chart canvas")).isEmpty(), "ECharts canvas");
        assertEquals(1, seriesCount("compare-chart"));

        for (int i = 0; i < names.size(); i++) {
            driver.findElement(By.cssSelector("#children-table tbody tr[data-region='" + codes.get(i) + "']")).click();
            String name = names.get(i);
            wait.until(d -> d.findElement(By.cssSelector("#breadcrumb .current")).getText().equals(name));
            waitIdle();
            assertTrue(driver.getCurrentUrl().contains("region=" + codes.get(i)), driver.getCurrentUrl());
        }
        String last = names.get(names.size() - 1);
        assertTrue(driver.findElement(By.id("detail-place")).getText().startsWith(last));
        String url = driver.getCurrentUrl();
        String value = valueText(kpi);

        driver.navigate().refresh();
        waitIdle();
        assertEquals(url, driver.getCurrentUrl());
        assertEquals(last, driver.findElement(By.cssSelector("#breadcrumb .current")).getText(), "region kept");
        assertEquals(kpi, selectedKpi(), "KPI kept");
        assertEquals(value, valueText(kpi));
        assertEquals(new Select(driver.findElement(By.id("month-select"))).getFirstSelectedOption().getAttribute("value"),
                url.replaceAll(".*month=(\\d{4}-\\d{2}).*", "$1"), "month kept");

        driver.findElement(By.cssSelector("#breadcrumb a[data-region='" + CITY + "']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#breadcrumb .current")).getText().equals("徐州市"));
        waitIdle();
        assertTrue(driver.getCurrentUrl().contains("region=" + CITY));
        assertEquals("下级区域对比（徐州市下辖）", driver.findElement(By.id("compare-title")).getText());
        driver.navigate().back();
        wait.until(d -> d.findElement(By.cssSelector("#breadcrumb .current")).getText().equals(last));
        waitIdle();
        assertEquals(value, valueText(kpi), "the back button returns to where the drill-down ended");
    }

    private void open(String path) {
        driver.get("http://127.0.0.1:" + app.port() + path);
        wait.until(d -> !d.findElements(By.cssSelector(".card")).isEmpty());
        waitIdle();
    }

    /** Until every request of the page has been answered and drawn (shell.js counts them). */
    private static void waitIdle() {
        wait.until(d -> "0".equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.dataset.loading")));
    }

    private static WebElement card(String code) {
        return driver.findElement(By.cssSelector(".card[data-kpi='" + code + "']"));
    }

    private static String valueText(String code) {
        return card(code).findElement(By.className("value")).getText().replace(" ", "").replace("\n", "");
    }

    private static String selectedKpi() {
        return driver.findElement(By.cssSelector(".card.selected")).getAttribute("data-kpi");
    }

    private static long seriesCount(String chartId) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])).getOption().series.length", chartId);
    }

    private static long categoryCount(String chartId) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])).getOption().yAxis[0].data.length", chartId);
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }
}
