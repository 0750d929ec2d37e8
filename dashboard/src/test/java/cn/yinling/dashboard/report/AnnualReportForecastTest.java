package cn.yinling.dashboard.report;

import static cn.yinling.dashboard.report.ReportFiles.docxText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.forecast.ForecastVersionFixture;
import cn.yinling.warehouse.forecast.Band;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.ForecastService;
import cn.yinling.warehouse.forecast.Indicator;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.CurrentPointerFile;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's forecast section as the CLI and the app wire it: the forecast engine over the report's own pinned
 * version. The expected sentence is built from the engine's projection of the same version read on its own, so the
 * report must print the engine's figures (not a copy or a stub), and say why when a version has no forecast marts.
 */
class AnnualReportForecastTest {

    @TempDir
    Path home;

    private String reportText() {
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO)) {
            AnnualReports reports = new AnnualReports(reader, KpiCatalog::defaults, () -> ReportFont.locate(Map.of()),
                    ReportWiring.projections(), ReportWiring.auditRuleNames(), AnnualReportTest.GENERATED);
            AnnualReports.Report report = reports.write(2024, EnumSet.of(AnnualReports.Format.docx));
            return docxText(AnnualReportTest.file(report, AnnualReports.Format.docx));
        }
    }

    @Test
    void forecastSectionPrintsTheEnginesCityProjectionOfTheReportsVersion() {
        ForecastVersionFixture.publish(home, true);
        Forecast expected;
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO)) {
            expected = reader.withVersion(jdbi -> ForecastService.forecastOf(jdbi, 1, 5));
        }
        Forecast.YearPoint last = expected.regions().get(0).points().get(5);
        KpiCatalog catalog = KpiCatalog.defaults();

        String text = reportText();

        assertEquals(ForecastVersionFixture.CITY, expected.regions().get(0).regionCode());
        String sentence = "以2024年12月末户籍人口为基期，采用队列要素法";
        assertTrue(text.contains(sentence), text);
        String outlook = "预计到" + last.year() + "年，全市60岁及以上老年人口约"
                + range(catalog.find("pop_60").orElseThrow(), last.values().get(Indicator.pop_60))
                + "，老龄化率约" + range(catalog.find("aging_rate_60").orElseThrow(), last.values().get(Indicator.aging_rate_60))
                + "；80岁及以上高龄老人约" + range(catalog.find("pop_80").orElseThrow(), last.values().get(Indicator.pop_80)) + "。";
        assertTrue(text.contains(outlook), "expected «" + outlook + "» in\n" + text);
        assertEquals(2029, last.year(), "five years after the base month 2024-12");
    }

    @Test
    void aVersionWithoutTheForecastMartsGetsTheEnginesReasonInstead() {
        ForecastVersionFixture.publish(home, false);

        String text = reportText();

        assertTrue(text.contains("当前发布的数仓版本缺少发展预测所需的数据表"), text);
        assertTrue(!text.contains("预计到"), text);
    }

    private static String range(KpiDefinition kpi, Band band) {
        return ReportNumbers.prose(kpi, band.central()) + "（" + ReportNumbers.prose(kpi, band.low()) + "—"
                + ReportNumbers.prose(kpi, band.high()) + "）";
    }

}
