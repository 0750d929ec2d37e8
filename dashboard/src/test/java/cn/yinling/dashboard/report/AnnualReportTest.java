package cn.yinling.dashboard.report;

import static cn.yinling.dashboard.report.ReportFiles.docxTables;
import static cn.yinling.dashboard.report.ReportFiles.docxText;
import static cn.yinling.dashboard.report.ReportFiles.pdfText;
import static cn.yinling.dashboard.report.ReportFiles.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.CurrentPointerFile;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annual report of a tiny hand-made version (figures in the SQL fixtures, each worked out there): written as
 * DOCX and PDF, opened again with POI and PDFBox, its figures found and compared with the marts.
 */
class AnnualReportTest {

    /** A projection made by hand, from the version it is asked for. */
    static final ProjectionSource HAND_MADE = (pinned, years) -> new Projection(pinned.number(), "2024-12",
            "采用队列要素法测算", List.of("测试用的手工预测。"), List.of(
                    new Projection.Year(2024, "2024-12", true, range(260, 260, 260), range(25.74, 25.74, 25.74),
                            range(37, 37, 37)),
                    new Projection.Year(2025, "2025-12", false, range(265, 271, 277), range(26.1, 26.6, 27.1),
                            range(38, 39, 41)),
                    new Projection.Year(2026, "2026-12", false, range(270, 282, 295), range(26.9, 27.4, 27.9),
                            range(40, 41, 43))));

    /** A source that has no projection for any version, with the reason the section must print. */
    static final ProjectionSource NO_PROJECTION = (pinned, years) -> {
        throw new ProjectionSource.ProjectionUnavailableException("本版数据不足以预测（测试用的原因）。");
    };

    static final AuditRuleNames RULE_NAMES = rule -> Optional.ofNullable(Map.of("A01", "身故后仍发放补贴", "A06", "应享未享",
            "A09", "服务时长异常").get(rule));

    static final Clock GENERATED = Clock.fixed(Instant.parse("2025-01-06T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path home;
    WarehouseReader reader;

    static Projection.Range range(double low, double central, double high) {
        return new Projection.Range(low, central, high);
    }

    @BeforeEach
    void open() {
        reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO);
    }

    @AfterEach
    void close() {
        reader.close();
    }

    AnnualReports reports(ProjectionSource projections) {
        return new AnnualReports(reader, KpiCatalog::defaults, () -> ReportFont.locate(Map.of()), projections,
                RULE_NAMES, GENERATED);
    }

    AnnualReports.Report write(ProjectionSource projections, AnnualReports.Format... formats) {
        return reports(projections).write(2024, EnumSet.copyOf(List.of(formats)));
    }

    static byte[] file(AnnualReports.Report report, AnnualReports.Format format) {
        return report.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow().content();
    }

    static final String POPULATION = "截至2024年末，全市户籍总人口1010人，其中60岁及以上老年人口260人，比上年末增加19人，"
            + "占总人口的25.74%，比上年末提高2.02个百分点；65岁及以上老年人口178人，占总人口的17.62%，比上年末提高1.58个百分点；"
            + "80岁及以上高龄老人37人，占老年人口的14.23%；百岁老人1人。老年抚养比为21.79。";

    /** Feeds never sent (living status) are 暂无数据; deaths are added up over the version's months of 2024 (2 + 3). */
    static final String LIVING = "全市独居老人暂无数据，空巢老人暂无数据，特殊困难老人暂无数据，失能老人暂无数据；11—12月老年人死亡5人。";

    /**
     * 13 KPIs of the catalog have a target. Met: nursing beds 60 ≥ 55, health management 67.42 ≥ 65. Not met: fire
     * safety 90 < 100, longevity coverage 30/37 = 81.08 < 100, missed 7 > 0 (lower is better). No value: visit rate
     * 0/0. No data: the four coverage KPIs, improper_amount and family_doctor_rate (not in the version) and accident
     * insurance (a zero in the mart, but its feed never came).
     */
    static final String TARGETS = "在设有目标值的13项指标中，2024年末全市达标2项，未达标3项，暂无数据7项，无法计算1项。未达标的指标为："
            + "养老机构消防达标率（实际90.00%，目标≥100%）、高龄津贴覆盖率（实际81.08%，目标≥100%）、应享未享人数（实际7人，目标≤0人）。";

    static final String FORECAST = "以2024年12月末户籍人口为基期，采用队列要素法测算，预计到2026年，全市60岁及以上老年人口约282人"
            + "（270人—295人），老龄化率约27.40%（26.90%—27.90%）；80岁及以上高龄老人约41人（40人—43人）。";

    @Test
    void docxStatesTheVersionAndTheFiguresOfTheMarts() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        AnnualReports.Report report = write(HAND_MADE, AnnualReports.Format.docx);

        assertEquals(1, report.version());
        byte[] docx = file(report, AnnualReports.Format.docx);
        String text = docxText(docx);
        assertTrue(text.contains("徐州市老年人口信息和老龄事业发展状况报告（2024年）"), text);
        assertTrue(text.contains("发布单位：徐州市老龄委办公室"), text);
        assertTrue(text.contains("数据版本：第 1 版（2025年1月5日 10:15 发布）"), text);
        assertTrue(text.contains("数据截至：2024年末"), text);
        assertTrue(text.contains(POPULATION), text);
        assertTrue(text.contains(LIVING), text);
        assertTrue(text.contains("运营中养老服务设施数7个（其中养老机构3个、街道日间照料中心4个）"), text);
        assertTrue(text.contains("11—12月居家养老服务工单数70单"), text);
        assertTrue(text.contains(TARGETS), text);
        assertTrue(text.contains(AnnualReportComposer.NO_AUDIT), text);
        assertTrue(text.contains(FORECAST), text);
        assertEquals("徐州市老年人口信息和老龄事业发展状况报告（2024年）-第1版.docx", report.files().get(0).fileName());

        List<List<List<String>>> tables = docxTables(docx);
        assertEquals(List.of("户籍总人口", "人", "1010", "1016", "-6"), row(tables, "户籍总人口"));
        assertEquals(List.of("60岁及以上老年人口", "人", "260", "241", "+19"), row(tables, "60岁及以上老年人口"));
        assertEquals(List.of("老龄化率(60岁+)", "%", "25.74", "23.72", "+2.02"), row(tables, "老龄化率(60岁+)"));
        assertEquals(List.of("独居老人", "人", "暂无数据", "暂无数据", "—"), row(tables, "独居老人"));
        assertEquals(List.of("老年人死亡数（11—12月累计）", "人", "5", "—", "—"), row(tables, "老年人死亡数（11—12月累计）"));
        // district table of the population: 鼓楼 150/605 = 24.79 %, 云龙 110/405 = 27.16 %; the city last
        List<List<String>> districts = table(tables, "区（县）", "户籍总人口（人）");
        assertEquals(List.of("鼓楼区", "605", "150", "24.79", "暂无数据", "暂无数据", "暂无数据"), districts.get(1));
        assertEquals(List.of("云龙区", "405", "110", "27.16", "暂无数据", "暂无数据", "暂无数据"), districts.get(2));
        assertEquals(List.of("全市", "1010", "260", "25.74", "178", "37", "1"), districts.get(3));
        // service orders are added up per district over the months: 鼓楼 18 + 25, 云龙 12 + 15
        List<List<String>> services = table(tables, "区（县）", "养老床位总数（张）");
        assertEquals(List.of("鼓楼区", "暂无数据", "暂无数据", "75.00", "43", "暂无数据"), services.get(1));
        assertEquals(List.of("全市", "120", "461.54", "60.00", "70", "无法计算"), services.get(3));
        // against the targets, honouring the direction; a zero whose feed never came is no data, not 0
        List<List<List<String>>> targets = List.of(table(tables, "指标", "目标值", "实际值", "完成情况"));
        assertEquals(List.of("养老机构护理型床位占比", "≥55%", "60.00%", "达标"), row(targets, "养老机构护理型床位占比"));
        assertEquals(List.of("养老机构消防达标率", "≥100%", "90.00%", "未达标"), row(targets, "养老机构消防达标率"));
        assertEquals(List.of("应享未享人数", "≤0人", "7人", "未达标"), row(targets, "应享未享人数"));
        assertEquals(List.of("特殊困难老年人月探访率", "≥100%", "无法计算", "无法计算"), row(targets, "特殊困难老年人月探访率"));
        assertEquals(List.of("老年人意外伤害保险参保率", "≥40%", "暂无数据", "暂无数据"), row(targets, "老年人意外伤害保险参保率"));
        assertEquals(14, targets.get(0).size(), "header and the 13 KPIs with a target");
        // per district: 鼓楼 meets nursing beds (75) and health management (70); 云龙 misses both (37.5, 64.10)
        List<List<String>> districtTargets = table(tables, "区（县）", "达标");
        assertEquals(List.of("鼓楼区", "2", "0", "11"), districtTargets.get(1));
        assertEquals(List.of("云龙区", "0", "2", "11"), districtTargets.get(2));
        // charts: aging rate trend, districts' aging rate, pyramid, nursing beds, health management, forecast
        // (the longevity trend has only one month with a figure, still a chart)
        assertEquals(7, ReportFiles.docxPictures(docx));
    }

    @Test
    void pdfSaysTheSameAndEveryCharacterHasAGlyphInTheEmbeddedFont() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        AnnualReports.Report report = write(HAND_MADE, AnnualReports.Format.pdf);

        byte[] pdf = file(report, AnnualReports.Format.pdf);
        String text = pdfText(pdf);
        assertTrue(text.contains("徐州市老年人口信息和老龄事业发展状况报告（2024年）"), text);
        assertTrue(text.contains("数据版本：第 1 版（2025年1月5日 10:15 发布）"), text);
        assertTrue(text.contains(POPULATION), text);
        assertTrue(text.contains(LIVING), text);
        assertTrue(text.contains(TARGETS), text);
        assertTrue(text.contains(FORECAST), text);
        assertTrue(text.contains("养老机构护理型床位占比 ≥55% 60.00% 达标"), text);
        assertTrue(text.contains("老年人意外伤害保险参保率 ≥40% 暂无数据 暂无数据"), text);

        assertEquals(List.of(), ReportFiles.glyphProblems(pdf, ReportFont.locate(Map.of())));
        assertEquals(List.of(), ReportFiles.renderPages(pdf, Path.of("target", "report-pages")),
                "pages rendered blank");
        assertTrue(ReportFiles.pages(pdf) >= 5, "cover and body pages");
    }

    @Test
    void auditSectionSumsTheYearsFindingsWhenTheVersionHasThem() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);
        assertTrue(docxText(file(write(HAND_MADE, AnnualReports.Format.docx), AnnualReports.Format.docx))
                .contains("本版本尚无稽核结果"));

        new ReportVersionFixture(home).publish(2, ReportVersionFixture.WITH_AUDIT);
        AnnualReports.Report report = write(HAND_MADE, AnnualReports.Format.docx, AnnualReports.Format.pdf);

        assertEquals(2, report.version());
        String expected = "2024年11—12月，通过跨部门数据比对共发现疑似问题12条，涉及金额2400.00元。其中A06 应享未享6条，"
                + "A01 身故后仍发放补贴3条，A09 服务时长异常3条。";
        byte[] docx = file(report, AnnualReports.Format.docx);
        String text = docxText(docx);
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("本版本尚无稽核结果"), text);
        assertTrue(text.contains("数据版本：第 2 版"), text);
        List<List<List<String>>> tables = docxTables(docx);
        List<List<String>> rules = table(tables, "规则", "规则名称", "疑似问题（条）", "涉及金额（元）");
        assertEquals(List.of(List.of("A01", "身故后仍发放补贴", "3", "2400.00"), List.of("A06", "应享未享", "6", "0.00"),
                List.of("A09", "服务时长异常", "3", "0.00")), rules.subList(1, rules.size()));
        List<List<String>> districts = table(tables, "区（县）", "疑似问题（条）", "涉及金额（元）");
        assertEquals(List.of(List.of("鼓楼区", "6", "1600.00"), List.of("云龙区", "6", "800.00")),
                districts.subList(1, districts.size()));
        assertTrue(pdfText(file(report, AnnualReports.Format.pdf)).contains(expected));
    }

    @Test
    void theSameVersionWritesTheSameReport() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        String first = docxText(file(write(HAND_MADE, AnnualReports.Format.docx), AnnualReports.Format.docx));
        String again = docxText(file(write(HAND_MADE, AnnualReports.Format.docx), AnnualReports.Format.docx));

        assertEquals(first, again);
    }

    @Test
    void aYearTheVersionDoesNotHaveIsRefusedWithTheYearsItHas() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        YearNotPublishedException refused = assertThrows(YearNotPublishedException.class,
                () -> reports(HAND_MADE).write(2022, EnumSet.of(AnnualReports.Format.pdf)));

        assertEquals("数据版本 1 中没有 2022 年的数据（已发布 2023-12 至 2024-12，可选年度：2023、2024）。"
                + "请选择其中的年度，或导入该年数据并运行 ./aging etl 发布新版本。", refused.getMessage());
        assertEquals(List.of(2024, 2023), reports(HAND_MADE).available().years());
    }

    @Test
    void forecastSectionSaysWhyWhenThereIsNoProjectionOfThisVersion() {
        new ReportVersionFixture(home).publish(1, ReportVersionFixture.WITHOUT_AUDIT);

        String unwired = docxText(file(write(NO_PROJECTION, AnnualReports.Format.docx),
                AnnualReports.Format.docx));
        ProjectionSource otherVersion = (pinned, years) -> {
            Projection p = HAND_MADE.project(pinned, years);
            return new Projection(pinned.number() + 1, p.baseMonth(), p.method(), p.notes(), p.years());
        };
        String mismatched = docxText(file(write(otherVersion, AnnualReports.Format.docx), AnnualReports.Format.docx));

        assertTrue(unwired.contains("本版数据不足以预测（测试用的原因）。"), unwired);
        assertFalse(unwired.contains("预计到"), unwired);
        assertTrue(mismatched.contains("发展预测所用数据版本（第2版）与本报告（第1版）不一致，未列入本报告。"), mismatched);
    }

    /** The table whose header row starts with these cells. */
    static List<List<String>> table(List<List<List<String>>> tables, String... header) {
        return tables.stream().filter(t -> t.get(0).size() >= header.length
                        && t.get(0).subList(0, header.length).equals(List.of(header)))
                .findFirst().orElseThrow(() -> new AssertionError("no table headed " + List.of(header)));
    }
}
