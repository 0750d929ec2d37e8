package cn.yinling.dashboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** In Chromium: a leader opens 年度报告, sees the version and its years, and downloads the PDF. */
class ReportPageBrowserTest {

    @TempDir
    Path home;
    @TempDir
    Path profile;
    @TempDir
    Path downloads;

    @Test
    void aLeaderDownloadsTheYearsPdfFromThePage() throws Exception {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);
        Dependencies deps = TestDependencies.create(home, Duration.ZERO);
        TestDependencies.account(deps, "leader1", Role.leader, null);
        Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
        try (BrowserAccess browser = BrowserAccess.open(profile, downloads, "http://127.0.0.1:" + app.port())) {
            browser.open("/report.html");
            browser.login("leader1", TestDependencies.PASSWORD);
            browser.waitFor(d -> d.findElements(By.cssSelector("#year option")).size() == 2);
            assertEquals(List.of("2024 年", "2023 年"), browser.texts("#year option"));
            assertTrue(browser.find("#version").getText().startsWith("当前数据版本：第 1 版（2025-01-05 10:15 发布）"),
                    browser.find("#version").getText());

            browser.find("#download-pdf").click();
            Path pdf = waitForDownload(".pdf");

            assertEquals("徐州市老年人口信息和老龄事业发展状况报告（2024年）-第1版.pdf", pdf.getFileName().toString());
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertTrue(document.getNumberOfPages() > 1);
            }
            browser.waitFor(d -> d.findElement(By.id("report-status")).getText().startsWith("已生成："));
            browser.screenshot("report-page.png");
            assertEquals("", browser.consoleProblems());
        } finally {
            app.stop();
            deps.close();
        }
        assertEquals(1, deps.audit().page(null, "export", null, 10).size());
    }

    private Path waitForDownload(String extension) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> list = Files.list(downloads)) {
                Optional<Path> done = list.filter(p -> p.toString().endsWith(extension)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + extension + " downloaded into " + downloads);
    }
}
