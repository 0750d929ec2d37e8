package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.report.ReportVersionFixture;
import cn.yinling.warehouse.store.AgingHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aging report} as a script calls it: the paths it prints, its files, its exit codes, the audit log. */
class ReportCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path out;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void pointAgingHomeAtTempDir() {
        AgingCli.environment = Map.of("AGING_HOME", home.toString());
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        AgingCli.environment = System.getenv();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        picocli.CommandLine cli = AgingCli.commandLine();
        cli.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli.execute(args);
    }

    @Test
    void writesTheDocxAndThePdfAndPrintsTheirPaths() throws Exception {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int exit = run("report", "--year", "2024", "--out", out.toString());

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        String name = "徐州市老年人口信息和老龄事业发展状况报告（2024年）-第1版";
        assertEquals(List.of(out.resolve(name + ".docx").toString(), out.resolve(name + ".pdf").toString()),
                stdout.toString(StandardCharsets.UTF_8).lines().toList());
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(out.resolve(name + ".docx")))) {
            assertTrue(docx.getParagraphs().stream().anyMatch(p -> p.getText().contains("全市户籍总人口1010人")));
        }
        try (PDDocument pdf = Loader.loadPDF(out.resolve(name + ".pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() > 1);
            assertEquals("徐州市老年人口信息和老龄事业发展状况报告（2024年）", pdf.getDocumentInformation().getTitle());
        }
        List<AuditEntry> exports = AppStore.open(new AgingHome(home)).audit().page(null, "export", null, 10);
        assertEquals(1, exports.size());
        assertEquals("report:2024", exports.get(0).target());
        assertEquals("annual report docx,pdf version=1", exports.get(0).detail());
    }

    @Test
    void onlyTheFormatAskedForIsWritten() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int exit = run("report", "--year", "2024", "--out", out.toString(), "--format", "pdf");

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(1, stdout.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).strip().endsWith("-第1版.pdf"));
    }

    @Test
    void aYearNotInTheVersionOrAnUnknownFormatIsRefusedWithExitTwo() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int noSuchYear = run("report", "--year", "2022", "--out", out.toString());
        String message = stderr.toString(StandardCharsets.UTF_8);
        int badFormat = run("report", "--year", "2024", "--out", out.toString(), "--format", "xls");

        assertEquals(2, noSuchYear);
        assertTrue(message.contains("数据版本 1 中没有 2022 年的数据"), message);
        assertEquals(2, badFormat);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("报告格式应为 docx、pdf 或 both"));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAPublishedVersionItSaysSoAndExitsOne() {
        int exit = run("report", "--year", "2024", "--out", out.toString());

        assertEquals(1, exit);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("尚未发布数仓版本"));
    }
}
