package cn.yinling.dashboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.BrowserAccess;
import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * In Chromium, a planner on 稽核: the summary, a click on A01 × 鼓楼区 to its findings (masked), a mark, a reveal with
 * a reason, and the export of the list (the revealed person unmasked, the other masked); then a leader sees the
 * summary without the lists. No console errors.
 */
class AuditPageBrowserTest {

    @TempDir
    Path home;
    @TempDir
    Path profile;
    @TempDir
    Path downloads;

    static boolean idle(WebDriver d) {
        return "0".equals(d.findElement(By.tagName("html")).getAttribute("data-loading"));
    }

    @Test
    void aPlannerDrillsDownMarksRevealsAndExportsAndALeaderSeesTheSummaryOnly() throws Exception {
        new AuditFixture(home).firstVersion();
        Dependencies deps = TestDependencies.create(home, Duration.ZERO);
        TestDependencies.account(deps, "planner1", Role.planner, null);
        TestDependencies.account(deps, "leader1", Role.leader, null);
        Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
        try (BrowserAccess browser = BrowserAccess.open(profile, downloads, "http://127.0.0.1:" + app.port())) {
            browser.open("/audit.html");
            browser.login("planner1", TestDependencies.PASSWORD);
            browser.waitFor(d -> d.findElements(By.cssSelector("#summary-table tbody tr")).size() == 10);
            browser.waitFor(AuditPageBrowserTest::idle);
            assertEquals(List.of("规则", "徐州市", "鼓楼区", "云龙区", "市本级"), browser.texts("#summary-table thead th"));
            assertEquals("3 条\n2,500.00 元", browser.find("#summary-table tbody tr[data-rule='A01'] td[data-region='city']").getText());
            assertTrue(browser.find("header.top nav a[data-nav='/audit.html']").isDisplayed(), "in the shared header");
            assertFalse(browser.driver.findElements(By.cssSelector("#trend-chart canvas")).isEmpty(), "trend drawn");
            browser.screenshot("audit-page-summary.png");

            browser.find("#summary-table tbody tr[data-rule='A01'] td[data-region='320302000000']").click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#findings-table tbody tr")).size() == 2);
            browser.waitFor(AuditPageBrowserTest::idle);
            assertEquals(List.of("张*", "欧阳**"), browser.texts("#findings-table td.masked-name"));
            assertEquals(List.of("3203**********1234", "3203**********567X"), browser.texts("#findings-table td.masked-id"));
            assertTrue(browser.find("#findings-title").getText().contains("A01 身故后仍发放补贴 · 鼓楼区"));

            browser.find("#findings-table tr[data-finding='f1'] .mark-button").click();
            browser.waitFor(d -> d.findElement(By.id("mark-dialog")).isDisplayed());
            browser.find("#mark-statuses input[value='confirmed']").click();
            browser.find("#mark-comment").sendKeys("已核实，停发并追回");
            browser.find("#mark-submit").click();
            browser.waitFor(d -> d.findElement(By.cssSelector("#findings-table tr[data-finding='f1'] .current-mark"))
                    .getText().equals("核实属实"));
            assertEquals("confirmed", deps.store().auditMarks().history("f1").get(0).status());

            browser.find("#findings-table tr[data-finding='f1'] .reveal-button").click();
            browser.waitFor(d -> d.findElement(By.id("reveal-dialog")).isDisplayed());
            browser.find("#reveal-reason").sendKeys("核实死亡后仍发放，联系家属");
            browser.find("#reveal-submit").click();
            browser.waitFor(d -> !d.findElements(By.id("revealed-id")).isEmpty());
            assertEquals("张三", browser.find("#revealed-name").getText());
            assertEquals("320302195001011234", browser.find("#revealed-id").getText());
            browser.find("#reveal-close").click();
            browser.waitFor(d -> d.findElements(By.id("revealed-id")).isEmpty());
            assertEquals(List.of("张*", "欧阳**"), browser.texts("#findings-table td.masked-name"), "shown once");

            browser.find("#export-findings").click();
            Path xlsx = waitForDownload();
            List<List<String>> sheet = AuditRevealAndExportTest.sheet(Files.readAllBytes(xlsx), "稽核疑点");
            assertEquals(List.of("张三 320302195001011234 核实属实", "欧阳** 3203**********567X "),
                    sheet.subList(1, sheet.size()).stream().map(r -> r.get(3) + " " + r.get(4) + " " + r.get(9)).toList());
            assertEquals(1, deps.audit().page(null, AuditLog.REVEAL, "planner1", 10).size());
            assertEquals(1, deps.audit().page(null, AuditLog.EXPORT, "planner1", 10).size());
            browser.screenshot("audit-page-planner.png");
            assertEquals("", browser.consoleProblems());

            browser.logout();
            browser.open("/audit.html");
            browser.login("leader1", TestDependencies.PASSWORD);
            browser.waitFor(d -> d.findElements(By.cssSelector("#summary-table tbody tr")).size() == 10);
            browser.waitFor(AuditPageBrowserTest::idle);
            assertFalse(browser.find("#tabs button[data-tab='findings']").isDisplayed());
            assertTrue(browser.driver.findElements(By.cssSelector("#summary-table td.clickable")).isEmpty());
            browser.find("#tabs button[data-tab='proof']").click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#proof-table tbody tr")).size() == 3);
            assertEquals("徐州市 4 2 2 50.00%", browser.find("#proof-table tbody tr").getText().replace('\n', ' '));
            assertFalse(browser.find("#visits-panel").isDisplayed());
            assertEquals("", browser.consoleProblems());
        } finally {
            app.stop();
            deps.close();
        }
    }

    private Path waitForDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> list = Files.list(downloads)) {
                Optional<Path> done = list.filter(p -> p.toString().endsWith(".xlsx")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no .xlsx downloaded into " + downloads);
    }
}
