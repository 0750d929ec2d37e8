package cn.yinling.dashboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page's API over real HTTP: who may download, what comes back, and the audit log entry. */
class ReportApiTest {

    /** A report is composed and drawn while the request waits; on a busy 2-core machine that takes seconds. */
    static final TestConfig PATIENT = new TestConfig(true, true,
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build());

    @TempDir
    Path home;
    Dependencies deps;

    @BeforeEach
    void publish() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);
        deps = TestDependencies.create(home, Duration.ZERO);
    }

    @AfterEach
    void close() {
        deps.close();
    }

    @Test
    void aPlannerDownloadsTheDocxAndThePdfOfAYearAndEachIsLoggedAsAnExport() {
        String cookie = TestDependencies.sessionCookie(deps, "planner1", Role.planner, null);
        JavalinTest.test(DashboardApp.create(deps), PATIENT, (server, client) -> {
            try (Response years = client.get("/api/v1/reports/annual", r -> r.header("Cookie", cookie))) {
                assertEquals(200, years.code());
                JsonNode body = new ObjectMapper().readTree(years.body().string());
                assertEquals(1, body.get("version").asInt());
                assertEquals(List.of(2024, 2023), List.of(body.get("years").get(0).asInt(), body.get("years").get(1).asInt()));
                assertEquals("2024-12", body.get("latest_month").asText());
            }
            try (Response docx = client.get("/api/v1/reports/annual/2024?format=docx", r -> r.header("Cookie", cookie))) {
                assertEquals(200, docx.code());
                assertEquals(AnnualReports.Format.docx.contentType(), docx.header("Content-Type"));
                assertEquals("1", docx.header("X-Report-Version"));
                String disposition = URLDecoder.decode(docx.header("Content-Disposition"), StandardCharsets.UTF_8);
                assertTrue(disposition.contains("徐州市老年人口信息和老龄事业发展状况报告（2024年）-第1版.docx"), disposition);
                assertTrue(ReportFiles.docxText(docx.body().bytes()).contains("全市户籍总人口1010人"));
            }
            try (Response pdf = client.get("/api/v1/reports/annual/2024?format=pdf", r -> r.header("Cookie", cookie))) {
                assertEquals(200, pdf.code());
                assertEquals("application/pdf", pdf.header("Content-Type"));
                assertTrue(ReportFiles.pdfText(pdf.body().bytes()).contains("全市户籍总人口1010人"));
            }
        });
        List<AuditEntry> exports = deps.audit().page(null, "export", null, 10);
        assertEquals(List.of("annual report pdf version=1", "annual report docx version=1"),
                exports.stream().map(AuditEntry::detail).toList());
        assertTrue(exports.stream().allMatch(e -> e.actor().equals("planner1") && e.target().equals("report:2024")));
    }

    @Test
    void anUploaderMayNotAndAMissingYearOrFormatIsExplained() {
        String uploader = TestDependencies.sessionCookie(deps, "police", Role.uploader, "public_security:320300");
        String leader = TestDependencies.sessionCookie(deps, "leader1", Role.leader, null);
        JavalinTest.test(DashboardApp.create(deps), PATIENT, (server, client) -> {
            try (Response r = client.get("/api/v1/reports/annual/2024?format=pdf", q -> q.header("Cookie", uploader))) {
                assertEquals(403, r.code());
            }
            try (Response r = client.get("/report.html", q -> q.header("Cookie", uploader))) {
                assertEquals(403, r.code());
            }
            try (Response r = client.get("/api/v1/reports/annual/2022?format=pdf", q -> q.header("Cookie", leader))) {
                assertEquals(404, r.code());
                assertTrue(r.body().string().contains("数据版本 1 中没有 2022 年的数据"));
            }
            try (Response r = client.get("/api/v1/reports/annual/2024?format=xls", q -> q.header("Cookie", leader))) {
                assertEquals(400, r.code());
                assertTrue(r.body().string().contains("报告格式应为 docx、pdf 或 both"));
            }
            try (Response r = client.get("/api/v1/reports/annual/2024")) {
                assertEquals(401, r.code());
            }
        });
        assertEquals(0, deps.audit().page(null, "export", null, 10).size());
    }
}
