package cn.yinling.dashboard.report;

import static cn.yinling.dashboard.report.ReportFiles.docxTables;
import static cn.yinling.dashboard.report.ReportFiles.docxText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.CurrentPointerFile;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's audit section over mart_audit_summary shaped as issue #5's contract publishes it (every rule, region
 * and month, zeros where nothing was found), named through the wiring the CLI and the web app use: the rule
 * catalog.
 */
class AnnualReportAuditTest {

    @TempDir
    Path home;

    @Test
    void theAuditSectionNamesEveryRuleOfTheCatalogAndSumsTheYear() {
        new ReportVersionFixture(home).publish(1, "dims.sql", "mart_kpi.sql", "pyramid.sql", "audit_summary_contract.sql");
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO)) {
            AnnualReports reports = new AnnualReports(reader, KpiCatalog::defaults, () -> ReportFont.locate(Map.of()),
                    AnnualReportTest.NO_PROJECTION, ReportWiring.auditRuleNames(), AnnualReportTest.GENERATED);
            AnnualReports.Report report = reports.write(2024, EnumSet.of(AnnualReports.Format.docx));
            byte[] docx = AnnualReportTest.file(report, AnnualReports.Format.docx);

            String text = docxText(docx);
            assertTrue(text.contains("2024年11—12月，通过跨部门数据比对共发现疑似问题12条，涉及金额2490.00元。其中A06 应享未享6条，"
                    + "A01 身故后仍发放补贴3条，A09 服务时长异常3条。"), text);
            List<List<List<String>>> tables = docxTables(docx);
            List<List<String>> rules = AnnualReportTest.table(tables, "规则", "规则名称", "疑似问题（条）", "涉及金额（元）");
            assertEquals(List.of(
                    List.of("A01", "身故后仍发放补贴", "3", "2400.00"),
                    List.of("A02", "身故后仍发放养老金", "0", "0.00"),
                    List.of("A03", "身故后仍有服务工单", "0", "0.00"),
                    List.of("A04", "补贴档次与年龄不符", "0", "0.00"),
                    List.of("A05", "重复发放", "0", "0.00"),
                    List.of("A06", "应享未享", "6", "0.00"),
                    List.of("A07", "户籍迁出后仍发放", "0", "0.00"),
                    List.of("A08", "服务时间冲突", "0", "0.00"),
                    List.of("A09", "服务时长异常", "3", "90.00"),
                    List.of("A10", "入住机构仍领居家补贴", "0", "0.00")), rules.subList(1, rules.size()));
            List<List<String>> districts = AnnualReportTest.table(tables, "区（县）", "疑似问题（条）", "涉及金额（元）");
            assertEquals(List.of(List.of("鼓楼区", "6", "1600.00"), List.of("云龙区", "6", "890.00")),
                    districts.subList(1, districts.size()));
        }
    }
}
