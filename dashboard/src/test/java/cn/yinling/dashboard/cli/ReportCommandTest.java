package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.AuditEntry;
import cn.yinling.dashboard.report.ReportFont;
import cn.yinling.dashboard.report.ReportVersionFixture;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code aging report} as a script calls it: the paths it prints, its files, its exit codes, the audit log. */
class ReportCommandTest {

    @RegisterExtension
    final CliRun cli = new CliRun();
    @TempDir
    Path out;

    @Test
    void writesTheDocxAndThePdfAndPrintsTheirPaths() throws Exception {
        new ReportVersionFixture(cli.home()).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int exit = cli.run("report", "--year", "2024", "--out", out.toString());

        assertEquals(0, exit, cli.err());
        String name = "徐州市老年人口信息和老龄事业发展状况报告（2024年）-第1版";
        assertEquals(List.of(out.resolve(name + ".docx").toString(), out.resolve(name + ".pdf").toString()),
                cli.outLines());
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(out.resolve(name + ".docx")))) {
            assertTrue(docx.getParagraphs().stream().anyMatch(p -> p.getText().contains("全市户籍总人口1010人")));
        }
        try (PDDocument pdf = Loader.loadPDF(out.resolve(name + ".pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() > 1);
            assertEquals("徐州市老年人口信息和老龄事业发展状况报告（2024年）", pdf.getDocumentInformation().getTitle());
        }
        List<AuditEntry> exports = AppStore.open(new AgingHome(cli.home())).audit().page(null, "export", null, 10);
        assertEquals(1, exports.size());
        assertEquals("report:2024", exports.get(0).target());
        assertEquals("annual report docx,pdf version=1", exports.get(0).detail());
    }

    @Test
    void onlyTheFormatAskedForIsWritten() {
        new ReportVersionFixture(cli.home()).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int exit = cli.run("report", "--year", "2024", "--out", out.toString(), "--format", "pdf");

        assertEquals(0, exit, cli.err());
        assertEquals(1, cli.out().lines().count());
        assertTrue(cli.out().strip().endsWith("-第1版.pdf"));
    }

    @Test
    void aYearNotInTheVersionOrAnUnknownFormatIsRefusedWithExitTwo() {
        new ReportVersionFixture(cli.home()).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        int noSuchYear = cli.run("report", "--year", "2022", "--out", out.toString());
        String message = cli.err();
        String printed = cli.out();
        int badFormat = cli.run("report", "--year", "2024", "--out", out.toString(), "--format", "xls");

        assertEquals(2, noSuchYear);
        assertTrue(message.contains("数据版本 1 中没有 2022 年的数据"), message);
        assertEquals(2, badFormat);
        assertTrue(cli.err().contains("报告格式应为 docx、pdf 或 both"));
        assertEquals("", printed + cli.out());
    }

    @Test
    void withoutAPublishedVersionItSaysSoAndExitsOne() {
        int exit = cli.run("report", "--year", "2024", "--out", out.toString());

        assertEquals(1, exit);
        assertTrue(cli.err().contains("尚未发布数仓版本"));
    }

    @Test
    void aMissingVersionOrYearIsReportedBeforeAMissingFont() {
        Map<String, String> noFont = Map.of("AGING_HOME", cli.home().toString(),
                ReportFont.ENVIRONMENT_VARIABLE, out.resolve("no-such-font.ttf").toString());
        AgingCli.environment = noFont;
        int noVersion = cli.run("report", "--year", "2024", "--out", out.toString());
        String noVersionMessage = cli.err();
        new ReportVersionFixture(cli.home()).publish(1, ReportVersionFixture.WITHOUT_AUDIT);
        int noYear = cli.run("report", "--year", "2022", "--out", out.toString());
        String noYearMessage = cli.err();
        int noFontExit = cli.run("report", "--year", "2024", "--out", out.toString());

        assertEquals(1, noVersion);
        assertTrue(noVersionMessage.contains("尚未发布数仓版本"), noVersionMessage);
        assertEquals(2, noYear);
        assertTrue(noYearMessage.contains("数据版本 1 中没有 2022 年的数据"), noYearMessage);
        assertEquals(1, noFontExit);
        assertTrue(cli.err().contains("指向的字体文件不存在"), cli.err());
    }
}
