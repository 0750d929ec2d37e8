package cn.yinling.dashboard.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.BrowserAccess;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.warehouse.land.LandingOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: an uploader signs in, drops a GBK CSV with errors, reads the error table, downloads the rejection
 * report, fixes the file and uploads it again, sees it accepted and superseding the first; an admin sees the
 * submission matrix change from 未报送 to 已报送.
 */
class PortalBrowserTest {

    @TempDir
    Path home;
    @TempDir
    Path profile;
    @TempDir
    Path downloads;
    @TempDir
    Path files;

    @Test
    void uploaderCorrectsAFaultyGbkCsvAndTheAdminSeesTheMatrixChange() throws Exception {
        String month = YearMonth.now(LandingOptions.ZONE).toString();
        try (PortalFixture portal = new PortalFixture(home);
                BrowserAccess browser = BrowserAccess.open(profile, downloads, portal.base)) {
            // The admin looks first: 公安局 owes 户籍人口 this month.
            browser.open("/submissions.html?month=" + month);
            browser.login("admin1", TestDependencies.PASSWORD);
            browser.waitFor(d -> d.getCurrentUrl().endsWith("month=" + month));
            browser.waitFor(d -> "missing".equals(householdCell(browser).getAttribute("data-state")));
            assertEquals("未报送", householdCell(browser).getText());
            assertEquals(navigation("数据报送", "报送情况", "稽核", "年度报告", "系统管理"), shownNavigation(browser, "admin1"),
                    "an admin is offered every page");
            assertEquals("报送情况", browser.find("header nav a.current").getText());
            assertTrue(browser.find("#user-bar").getText().contains("管理员"), browser.find("#user-bar").getText());
            browser.logout();

            browser.open("/portal.html");
            browser.login("police1", TestDependencies.PASSWORD);
            browser.waitFor(d -> d.findElements(By.cssSelector("#feed-select option")).size() == 2);
            assertEquals(navigation("数据报送"), shownNavigation(browser, "police1"),
                    "an uploader: the KPI pages and the upload page, not the matrix nor administration");
            assertEquals("数据报送", browser.find("header nav a.current").getText());
            assertEquals("报送单位：徐州市公安局", browser.find("#who").getAttribute("title"));
            assertEquals(List.of("户籍人口（应报） · 月报", "死亡登记（应报） · 月报"),
                    browser.texts("#feed-select option"), "only the feeds 公安局 sends");
            new Select(browser.find("#feed-select")).selectByValue("household");
            WebElement period = browser.find("#period-input");
            period.clear();
            period.sendKeys(month);

            drop(browser, "户籍人口-有误.csv", PortalFixture.householdCsv(true));
            browser.waitFor(d -> isShown(browser, "#report"));
            browser.waitFor(d -> "accepted".equals(browser.find("#report-status").getAttribute("data-status")));
            assertEquals("100%", ((JavascriptExecutor) browser.driver)
                    .executeScript("return document.getElementById('progress-bar').style.width"));
            assertEquals("40", browser.find("#count-loaded").getText());
            assertEquals("2", browser.find("#count-quarantined").getText());
            List<List<String>> rows = new ArrayList<>();
            for (WebElement tr : browser.driver.findElements(By.cssSelector("#rejections-table tbody tr"))) {
                rows.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
            }
            assertEquals(2, rows.size(), rows.toString());
            assertEquals(List.of("42", "公民身份号码"), rows.get(0).subList(0, 2));
            assertEquals("ID_CHECKSUM", rows.get(0).get(3));
            assertEquals(List.of("43", "出生日期", "=1+2", "TYPE_FORMAT"), rows.get(1).subList(0, 4));
            assertTrue(rows.get(1).get(4).matches(".*[\\u4e00-\\u9fa5].*"), "a Chinese message: " + rows.get(1));
            String firstBatch = browser.find("#report-batch").getText().replace("批次 ", "");
            browser.screenshot("portal-rejections.png");

            browser.find("#download-xlsx").click();
            Path report = waitForDownload(".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(report)))) {
                Sheet sheet = workbook.getSheet("问题清单");
                assertEquals(2, sheet.getLastRowNum(), "header and both rejections");
                assertEquals("'=1+2", sheet.getRow(2).getCell(3).getStringCellValue(), "neutralised");
            }

            Path fixed = files.resolve("户籍人口-更正.csv");
            Files.write(fixed, PortalFixture.householdCsv(false));
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('file-input').hidden = false");
            browser.find("#file-input").sendKeys(fixed.toString());
            browser.waitFor(d -> {
                String batch = browser.find("#report-batch").getText();
                return !batch.contains(firstBatch) && "accepted".equals(
                        browser.find("#report-status").getAttribute("data-status"));
            });
            assertEquals("42", browser.find("#count-loaded").getText());
            assertEquals("0", browser.find("#count-quarantined").getText());
            assertTrue(browser.find("#report-supersedes").getText().contains(firstBatch),
                    browser.find("#report-supersedes").getText());
            browser.waitFor(d -> d.findElements(By.cssSelector("#history-table tbody tr")).size() == 2);
            assertEquals(List.of("在用", ""), browser.texts("#history-table tbody td.in-force-cell"));
            assertTrue(browser.texts("#history-table tbody tr").get(0).contains("更正，替代 " + firstBatch));
            browser.screenshot("portal-corrected.png");
            String problems = browser.consoleProblems();
            assertTrue(problems.isEmpty(), () -> "browser console: " + problems);
            browser.logout();

            browser.open("/submissions.html?month=" + month);
            browser.login("admin1", TestDependencies.PASSWORD);
            assertTrue(browser.driver.getCurrentUrl().endsWith("/submissions.html?month=" + month),
                    "back where the sign-in started: " + browser.driver.getCurrentUrl());
            browser.waitFor(d -> "submitted".equals(householdCell(browser).getAttribute("data-state")));
            assertEquals("已报送", householdCell(browser).getText());
            assertFalse(browser.texts("#owed tbody tr").stream().anyMatch(t -> t.contains("户籍人口")));
            browser.screenshot("submissions.png");

            // The admin pages open and fill every tab without an error.
            browser.open("/admin.html");
            browser.waitFor(d -> d.findElements(By.cssSelector("#users tbody tr")).size() == 6);
            for (String tab : List.of("units", "targets", "tokens", "etl", "audit")) {
                browser.find("#tabs button[data-tab='" + tab + "']").click();
                browser.waitFor(d -> browser.find("#tab-" + tab).isDisplayed());
            }
            browser.waitFor(d -> !d.findElements(By.cssSelector("#audit tbody tr")).isEmpty());
            assertTrue(browser.texts("#audit tbody td.audit-action").contains("upload"));
            browser.screenshot("admin-audit.png");
            String adminProblems = browser.consoleProblems();
            assertTrue(adminProblems.isEmpty(), () -> "browser console: " + adminProblems);
            browser.logout();

            browser.open("/submissions.html?month=" + month);
            browser.login("planner1", TestDependencies.PASSWORD);
            assertEquals(navigation("报送情况", "稽核", "年度报告"), shownNavigation(browser, "planner1"),
                    "a planner: the KPI pages, the submission matrix and the annual report");
            browser.waitFor(d -> "submitted".equals(householdCell(browser).getAttribute("data-state")));
        }
    }

    /** The shared header's links (shell.js NAV): the KPI pages every role sees, then the given portal pages. */
    private static List<String> navigation(String... portalPages) {
        List<String> links = new ArrayList<>(List.of("总览", "人口概况", "养老服务", "补贴与保障", "健康", "数据质量", "趋势分析", "发展预测"));
        links.addAll(List.of(portalPages));
        return links;
    }

    /** The header's links once the session has answered (the user bar names the account at the same moment). */
    private static List<String> shownNavigation(BrowserAccess browser, String account) {
        browser.waitFor(d -> browser.find("#who").getText().startsWith(account + "（"));
        return browser.texts("header.top nav a");
    }

    private static boolean isShown(BrowserAccess browser, String css) {
        return browser.find(css).isDisplayed();
    }

    private static WebElement householdCell(BrowserAccess browser) {
        return browser.find("#matrix tr[data-unit='" + PortalFixture.POLICE + "'] td[data-feed='household']");
    }

    /** Drops a file on the drop zone the way a person's drag and drop does: a drop event carrying the file. */
    private static void drop(BrowserAccess browser, String name, byte[] content) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));"
                        + "const transfer = new DataTransfer();"
                        + "transfer.items.add(new File([bytes], arguments[0], { type: 'text/csv' }));"
                        + "const zone = document.getElementById('drop-zone');"
                        + "zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));"
                        + "zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
                name, Base64.getEncoder().encodeToString(content));
    }

    private Path waitForDownload(String extension) throws Exception {
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
}
