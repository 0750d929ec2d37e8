package cn.yinling.warehouse.land;

import static cn.yinling.warehouse.land.Fixtures.badCheck;
import static cn.yinling.warehouse.land.Fixtures.findings;
import static cn.yinling.warehouse.land.Fixtures.id;
import static cn.yinling.warehouse.land.Fixtures.uscc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of pension, ltc_benefit, health_checkup and care_visit, the code lists of allowance_type and hardship as
 * spec/feeds.md lists them, and the amount limits of allowance and accident_insurance.
 */
class LandingPersonFeedsTest {

    @TempDir
    Path dir;
    AgingHome home;
    Landing landing;

    static final String P1 = id("320312", "19400101", "001");
    static final String P2 = id("320312", "19300101", "003");
    static final String P3 = id("320312", "19500101", "005");

    @BeforeEach
    void setUp() throws Exception {
        home = new AgingHome(dir.resolve("home"));
        landing = new Landing(home, Fixtures.options().withRejectThreshold(1.0));
    }

    BatchReport ingest(String feed, String period, String unit, String... lines) throws Exception {
        Path file = Fixtures.utf8(dir, feed + System.nanoTime() + ".csv", lines);
        BatchReport report = landing.ingest(new Upload(feed, period, unit, "t", feed + ".csv", file));
        assertEquals(BatchStatus.accepted, report.status(), report::toJson);
        assertEquals(report.rowsRead(), report.rowsLoaded() + report.rowsQuarantined());
        return report;
    }

    Path parquet(BatchReport report) {
        Manifest m = landing.catalog().find(report.batchId()).orElseThrow();
        return landing.catalog().acceptedParquet(m).orElseThrow();
    }

    String message(BatchReport report, int index) {
        return report.rejections().get(index).message();
    }

    @Test
    void pensionPayMonthEqualsThePeriodAmountPositiveAndSchemeFromItsList() throws Exception {
        BatchReport report = ingest("pension", "2024-12", "human_resources:320300",
                "发放年月,公民身份号码,险种,发放金额(元)",
                "2024年12月," + P1 + ",企业职工基本养老保险,\"3,120.50\"",
                "2024/12," + P2 + ",机关事业单位养老保险,6200",
                "2024-12-01," + P3 + ",城乡居民基本养老保险,230元",
                "2024-11," + id("320312", "19400202", "007") + ",企业职工基本养老保险,3000",
                "2024-12," + id("320312", "19400303", "009") + ",新农保,230",
                "2024-12," + id("320312", "19400404", "011") + ",城乡居民基本养老保险,0",
                "2024-12," + id("320312", "19400505", "013") + ",城乡居民基本养老保险,-5",
                "2024-12," + P1 + ",企业职工基本养老保险,3120.50",
                // the same person under a second scheme is another key
                "2024-12," + P1 + ",城乡居民基本养老保险,200");
        assertEquals(List.of(
                "5:pay_month:OUT_OF_PERIOD",
                "6:scheme:CODE_UNKNOWN",
                "7:amount:RANGE",
                "8:amount:RANGE",
                "9:pay_month,id_number,scheme:DUPLICATE_KEY"), findings(report));
        assertTrue(message(report, 0).contains("发放年月") && message(report, 0).contains("2024-12"), message(report, 0));
        assertTrue(message(report, 1).contains("新农保") && message(report, 1).contains("城乡居民基本养老保险"));
        assertTrue(message(report, 2).contains("大于0"), message(report, 2));
        assertEquals(List.of(
                        List.of("2", "2024-12-01", "enterprise", "3120.50"),
                        List.of("3", "2024-12-01", "public_sector", "6200.00"),
                        List.of("4", "2024-12-01", "resident", "230.00"),
                        List.of("10", "2024-12-01", "resident", "200.00")),
                Fixtures.rows(parquet(report), "SELECT _row, pay_month, scheme, amount FROM t ORDER BY _row"));
    }

    @Test
    void ltcBenefitMonthLevelModeAndAmount() throws Exception {
        BatchReport report = ingest("ltc_benefit", "2024-12", "medical_insurance:320300",
                "待遇年月,公民身份号码,失能等级,服务方式,待遇金额",
                "202412," + P1 + ",重度,居家,1200",
                "2024-12," + P2 + ",中度,机构,",
                "2024-12," + P3 + ",特重度,居家,900",
                "2025-01," + id("320312", "19400202", "007") + ",轻度,居家,600",
                "2024-12," + id("320312", "19400303", "009") + ",轻度,上门,600",
                "2024-12," + id("320312", "19400404", "011") + ",轻度,,0.00",
                "2024-12," + P1 + ",中度,机构,800");
        assertEquals(List.of(
                "3:amount:REQUIRED",
                "4:disability_level:CODE_UNKNOWN",
                "5:benefit_month:OUT_OF_PERIOD",
                "6:mode:CODE_UNKNOWN",
                "7:amount:RANGE",
                "8:benefit_month,id_number:DUPLICATE_KEY"), findings(report));
        assertTrue(message(report, 1).contains("轻度、中度、重度"), message(report, 1));
        assertEquals(List.of(Arrays.asList("2", "severe", "home", "1200.00")),
                Fixtures.rows(parquet(report), "SELECT _row, disability_level, mode, amount FROM t"));
    }

    @Test
    void healthCheckupDatesFlagsSelfCareAndInstitutionCode() throws Exception {
        String clinic = uscc("12320312MJ0000019");
        String badClinic = clinic.substring(0, 17) + (clinic.charAt(17) == '0' ? '1' : '0');
        BatchReport report = ingest("health_checkup", "2024-12", "health:320300",
                "公民身份号码,体检日期,生活自理能力,高血压,糖尿病,家庭医生签约,机构代码",
                P1 + ",2024.12.3,可自理,是,否,Y," + clinic,
                P2 + ",20241204,不能自理,1,0,是,",
                P3 + ",2024-11-30,可自理,否,否,否,",
                id("320312", "19400202", "007") + ",2024-12-05,部分自理,否,否,否,",
                id("320312", "19400303", "009") + ",2024-12-05,轻度依赖,有,否,否,",
                id("320312", "19400404", "011") + ",2024-12-05,中度依赖,否,否,否," + badClinic,
                badCheck(id("320312", "19400505", "013")) + ",2024-12-05,中度依赖,否,否,否,",
                P1 + ",2024-12-03,轻度依赖,否,否,否,",
                // a second checkup of the same person on another day is another key
                P1 + ",2024-12-20,可自理,是,否,是,");
        assertEquals(List.of(
                "4:exam_date:OUT_OF_PERIOD",
                "5:self_care:CODE_UNKNOWN",
                "6:hypertension:TYPE_FORMAT",
                "7:institution_code:USCC_CHECKSUM",
                "8:id_number:ID_CHECKSUM",
                "9:id_number,exam_date:DUPLICATE_KEY"), findings(report));
        assertTrue(message(report, 1).contains("可自理、轻度依赖、中度依赖、不能自理"), message(report, 1));
        assertEquals(List.of(
                        Arrays.asList("2", "2024-12-03", "independent", "true", "false", "true", clinic),
                        Arrays.asList("3", "2024-12-04", "dependent", "true", "false", "true", null),
                        Arrays.asList("10", "2024-12-20", "independent", "true", "false", "true", null)),
                Fixtures.rows(parquet(report), "SELECT _row, exam_date, self_care, hypertension, diabetes,"
                        + " family_doctor, institution_code FROM t ORDER BY _row"));
    }

    @Test
    void careVisitDateInPeriodModeFromItsListAndOneVisitADayPerPerson() throws Exception {
        BatchReport report = ingest("care_visit", "2024-12", "civil_affairs:320300",
                "公民身份号码,探访日期,探访方式,发现问题",
                P1 + ",2024年12月2日,上门,身体状况良好，需助餐服务",
                P1 + ",2024-12-16,电话,",
                P2 + ",2024-12-01,微信,",
                P3 + ",2025-01-02,上门,",
                id("320312", "19400202", "007") + ",2024-12-05,,",
                P1 + ",2024-12-02,视频,");
        assertEquals(List.of(
                "4:mode:CODE_UNKNOWN",
                "5:visit_date:OUT_OF_PERIOD",
                "6:mode:REQUIRED",
                "7:id_number,visit_date:DUPLICATE_KEY"), findings(report));
        assertTrue(message(report, 0).contains("上门、电话、视频"), message(report, 0));
        assertEquals(List.of(
                        Arrays.asList("2", "2024-12-02", "in_person", "身体状况良好,需助餐服务"),
                        Arrays.asList("3", "2024-12-16", "phone", null)),
                Fixtures.rows(parquet(report), "SELECT _row, visit_date, mode, finding FROM t ORDER BY _row"));
    }

    @Test
    void everyAllowanceTypeOfTheSpecAndTheAmountLimits() throws Exception {
        Fixtures.landRegions(landing, dir);
        String[] labels = {"高龄津贴(80-89岁)", "高龄津贴(90-99岁)", "百岁老人长寿补贴", "失能老人护理补贴", "居家养老服务补贴",
            "经济困难老年人补贴"};
        String[] amounts = {"0.01", "10000", "10,000.00元", "300", "200", "100"};
        String[] lines = new String[labels.length + 4];
        lines[0] = "发放年月,公民身份号码,姓名,补贴类别,发放金额,发放地区划代码,发放方式";
        for (int i = 0; i < labels.length; i++) {
            lines[i + 1] = "2024-12," + P1 + ",张三," + labels[i] + ",\"" + amounts[i] + "\",320312001001,社保卡";
        }
        lines[labels.length + 1] = "2024-12," + P2 + ",李四,高龄津贴,50,320312001001,";
        lines[labels.length + 2] = "2024-12," + P2 + ",李四,高龄津贴（80—89岁）,50,320312001001,";
        lines[labels.length + 3] = "2024-12," + P3 + ",王五,经济困难老年人补贴,10000.01,320312001001,";
        BatchReport report = ingest("allowance", "2024-12", "civil_affairs:320300", lines);
        assertEquals(List.of("8:allowance_type:CODE_UNKNOWN", "9:allowance_type:CODE_UNKNOWN", "10:amount:RANGE"),
                findings(report));
        assertTrue(message(report, 0).contains("高龄津贴(80-89岁)、高龄津贴(90-99岁)、百岁老人长寿补贴、失能老人护理补贴、"
                + "居家养老服务补贴、经济困难老年人补贴"), message(report, 0));
        assertTrue(message(report, 2).contains("不超过10000"), message(report, 2));
        assertEquals(List.of(
                        List.of("2", "longevity_80", "0.01"),
                        List.of("3", "longevity_90", "10000.00"),
                        List.of("4", "centenarian", "10000.00"),
                        List.of("5", "disability_care", "300.00"),
                        List.of("6", "home_care", "200.00"),
                        List.of("7", "low_income", "100.00")),
                Fixtures.rows(parquet(report), "SELECT _row, allowance_type, amount FROM t ORDER BY _row"));
    }

    @Test
    void hardshipListsTakeEachOfTheFourSeparators() throws Exception {
        BatchReport report = ingest("living_status", "2024", "civil_affairs:320300",
                "公民身份号码,居住状况,特殊困难类型,调查日期",
                P1 + ",独居,特困、失能,2024-03-01",
                P2 + ",空巢,\"低保,重度残疾\",2024-03-01",
                id("320312", "19400202", "007") + ",入住养老机构,低保边缘，半失能,2024-03-01",
                id("320312", "19400303", "009") + ",其他,计划生育特殊家庭;失能,2024-03-01",
                id("320312", "19400404", "011") + ",与子女同住,无,2024-03-01",
                id("320312", "19400505", "013") + ",与子女同住,失能/低保,2024-03-01");
        assertEquals(List.of("7:hardship:CODE_UNKNOWN"), findings(report));
        assertTrue(message(report, 0).contains("失能/低保"), message(report, 0));
        assertEquals(List.of(
                        List.of("2", "alone", "extreme_poverty,disabled"),
                        List.of("3", "empty_nest", "minimum_living,severe_disability"),
                        List.of("4", "in_institution", "near_poverty,semi_disabled"),
                        List.of("5", "other", "disabled,family_planning_special"),
                        List.of("6", "with_children", "none")),
                Fixtures.rows(parquet(report), "SELECT _row, living_arrangement, hardship FROM t ORDER BY _row"));
    }

    @Test
    void accidentInsurancePremiumMayNotBeNegative() throws Exception {
        BatchReport report = ingest("accident_insurance", "2024", "aging_office:320300",
                "参保年度,公民身份号码,保单号,保费,出资方式,参保日期",
                "2024," + P1 + ",AK2024001,0,政府,2024-02-01",
                "2024," + P2 + ",AK2024002,-30,个人,2024-02-01",
                "2024," + P3 + ",AK2024003,30,慈善,2024-02-01");
        assertEquals(List.of("3:premium:RANGE"), findings(report));
        assertTrue(message(report, 0).contains("保费") && message(report, 0).contains("不小于0"), message(report, 0));
        assertEquals(2, report.rowsLoaded());
    }
}
