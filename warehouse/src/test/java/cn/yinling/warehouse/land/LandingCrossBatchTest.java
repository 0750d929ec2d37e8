package cn.yinling.warehouse.land;

import static cn.yinling.warehouse.land.Fixtures.findings;
import static cn.yinling.warehouse.land.Fixtures.id;
import static cn.yinling.warehouse.land.Fixtures.uscc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that look beyond the uploaded file: ORDER_ID_REUSED (order ids of other periods), UNKNOWN_PROVIDER (the
 * facility registry) and OUT_OF_SCOPE of person feeds without a region column (the household snapshot in force).
 */
class LandingCrossBatchTest {

    static final String ORDER_HEADER = "工单号,公民身份号码,服务机构代码,服务人员编号,服务项目,服务开始时间,服务结束时间,"
            + "政府补贴金额,个人支付金额,签到经度,签到纬度,工单状态,资金来源";
    static final String PERSON = id("320312", "19400101", "001");
    static final String PROVIDER = uscc("52320312MJ0000011");
    static final String OTHER_PROVIDER = uscc("52320311MJ0000022");
    static final String UNREGISTERED_PROVIDER = uscc("91320312MA1XYW003");

    @TempDir
    Path dir;
    AgingHome home;
    Landing landing;

    @BeforeEach
    void setUp() throws Exception {
        home = new AgingHome(dir.resolve("home"));
        landing = new Landing(home, Fixtures.options().withRejectThreshold(1.0));
        Fixtures.landRegions(landing, dir);
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

    static String order(String orderId, String provider, String day) {
        return orderId + "," + PERSON + "," + provider + ",W1,助餐," + day + " 11:00," + day + " 11:40,15,3,117.2,34.3,已完成,政府购买";
    }

    void landFacilities(String period, String... codes) throws Exception {
        String[] lines = new String[codes.length + 1];
        lines[0] = "设施代码,设施名称,设施类型,区划代码,床位数,护理型床位数,开办日期,运营状态,运营方式,消防达标";
        for (int i = 0; i < codes.length; i++) {
            lines[i + 1] = codes[i] + ",服务中心" + i + ",社区居家养老服务中心,320312001001,,,,运营中,,";
        }
        ingest("facility", period, "civil_affairs:320300", lines);
    }

    @Test
    void anOrderIdLoadedForAnotherPeriodIsRejectedButACorrectionMayResendItsOwnIds() throws Exception {
        landFacilities("2024-11", PROVIDER);
        BatchReport november = ingest("service_order", "2024-11", "civil_affairs:320300", ORDER_HEADER,
                order("GD001", PROVIDER, "2024-11-04"),
                order("GD002", PROVIDER, "2024-11-05"));
        assertEquals(List.of(), findings(november));

        // December repeats GD001 (loaded for November): quarantined; GD003 is new.
        BatchReport december = ingest("service_order", "2024-12", "civil_affairs:320300", ORDER_HEADER,
                order("GD001", PROVIDER, "2024-12-02"),
                order("GD003", PROVIDER, "2024-12-03"));
        assertEquals(List.of("2:order_id:ORDER_ID_REUSED"), findings(december));
        assertEquals(1, december.rowsLoaded());
        Rejection reused = december.rejections().get(0);
        assertEquals("GD001", reused.value());
        assertTrue(reused.message().contains("2024-11") && reused.message().contains("不得重复"), reused.message());
        assertEquals(List.of(List.of("3", "GD003")), Fixtures.rows(parquet(december), "SELECT _row, order_id FROM t"));

        // A correction of November re-sends GD001 and GD002 (its own ids: no reuse) and adds GD003, which December
        // loaded: that one is reuse. GD001, rejected in December, was never loaded there.
        BatchReport correction = ingest("service_order", "2024-11", "civil_affairs:320300", ORDER_HEADER,
                order("GD001", PROVIDER, "2024-11-04"),
                order("GD002", PROVIDER, "2024-11-05"),
                order("GD003", PROVIDER, "2024-11-06"));
        assertEquals(november.batchId(), correction.supersedes());
        assertEquals(List.of("4:order_id:ORDER_ID_REUSED"), findings(correction));
        assertTrue(correction.rejections().get(0).message().contains("2024-12"));

        // Another unit's batch of December: ids of December (any unit) are the same period, ids of November are not.
        BatchReport district = ingest("service_order", "2024-12", "civil_affairs:320312", ORDER_HEADER,
                order("GD003", PROVIDER, "2024-12-09"),
                order("GD002", PROVIDER, "2024-12-10"));
        assertEquals(List.of("3:order_id:ORDER_ID_REUSED"), findings(district));
    }

    @Test
    void aProviderOutsideTheFacilityRegistryIsAWarningAndTheRowIsLoaded() throws Exception {
        // the registry is every facility batch in force, of any period
        landFacilities("2024-10", OTHER_PROVIDER);
        landFacilities("2024-11", PROVIDER);
        BatchReport report = ingest("service_order", "2024-12", "civil_affairs:320300", ORDER_HEADER,
                order("GD101", PROVIDER, "2024-12-02"),
                order("GD102", OTHER_PROVIDER, "2024-12-02"),
                order("GD103", UNREGISTERED_PROVIDER, "2024-12-03"),
                order("GD104", UNREGISTERED_PROVIDER.toLowerCase(), "2024-12-04"));
        assertEquals(List.of("4:provider_code:UNKNOWN_PROVIDER", "5:provider_code:UNKNOWN_PROVIDER"), findings(report));
        Rejection warning = report.rejections().get(0);
        assertEquals(Severity.warning, warning.severity());
        assertTrue(warning.message().contains(UNREGISTERED_PROVIDER) && warning.message().contains("已接收"),
                warning.message());
        assertEquals(4, report.rowsLoaded());
        assertEquals(0, report.rowsQuarantined());
        assertEquals(2, landing.catalog().find(report.batchId()).orElseThrow().warnings());
        assertEquals(List.of(List.of("4", UNREGISTERED_PROVIDER), List.of("5", UNREGISTERED_PROVIDER)),
                Fixtures.rows(parquet(report), "SELECT _row, provider_code FROM t WHERE _row >= 4 ORDER BY _row"));
    }

    @Test
    void withoutAFacilityRegistryProvidersAreNotCheckedAndOneWarningSaysSo() throws Exception {
        BatchReport report = ingest("service_order", "2024-12", "civil_affairs:320300", ORDER_HEADER,
                order("GD201", PROVIDER, "2024-12-02"),
                order("GD202", UNREGISTERED_PROVIDER, "2024-12-02"));
        assertEquals(List.of("null:provider_code:UNKNOWN_PROVIDER"), findings(report));
        Rejection warning = report.rejections().get(0);
        assertNull(warning.row());
        assertEquals(Severity.warning, warning.severity());
        assertTrue(warning.message().contains("设施名录为空") && warning.message().contains("未核对"), warning.message());
        assertEquals(2, report.rowsLoaded());
    }

    /**
     * Household snapshots: November has A in 泉山区 (320311) and B in 泉山区; December has A moved to 铜山区 (320312), B
     * still in 泉山区, and C (new) in 泉山区. D is in neither.
     */
    void landHouseholds() throws Exception {
        String header = "公民身份号码,姓名,性别,出生日期,户籍地区划代码,户号,户籍状态,变动日期";
        ingest("household", "2024-11", "public_security:320300", header,
                A + ",甲,男,1940-01-01,320311001001,,正常,",
                B + ",乙,男,1941-01-01,320311001001,,正常,");
        ingest("household", "2024-12", "public_security:320300", header,
                A + ",甲,男,1940-01-01,320312001001,,正常,",
                B + ",乙,男,1941-01-01,320311001001,,正常,",
                C + ",丙,男,1942-01-01,320311001001,,正常,");
    }

    static final String A = id("320311", "19400101", "001");
    static final String B = id("320311", "19410101", "003");
    static final String C = id("320311", "19420101", "005");
    static final String D = id("320311", "19430101", "007");

    @Test
    void aDistrictUnitsPersonRowsAreCheckedAgainstTheRegisterInForce() throws Exception {
        landHouseholds();
        String header = "公民身份号码,探访日期,探访方式,发现问题";
        // November: the November snapshot is in force. A and B live in 泉山区 then: out of 铜山区's scope. C is not in
        // that snapshot, D in none: not out of scope. B's second row also has a bad date: both findings are reported.
        BatchReport november = ingest("care_visit", "2024-11", "civil_affairs:320312", header,
                A + ",2024-11-03,上门,",
                B + ",2024-11-04,电话,",
                C + ",2024-11-05,上门,",
                D + ",2024-11-06,视频,",
                B + ",2024-11-31,上门,");
        assertEquals(List.of("6:visit_date:TYPE_FORMAT", "2:id_number:OUT_OF_SCOPE", "3:id_number:OUT_OF_SCOPE",
                "6:id_number:OUT_OF_SCOPE"), findings(november));
        Rejection first = november.rejections().get(1);
        assertTrue(first.message().contains("320311001001") && first.message().contains("320312")
                && first.message().contains("户籍地"), first.message());
        assertEquals(5, november.rowsRead());
        assertEquals(2, november.rowsLoaded());
        assertEquals(3, november.rowsQuarantined());
        assertEquals(List.of(List.of("4"), List.of("5")), Fixtures.rows(parquet(november),
                "SELECT _row FROM t ORDER BY _row"));

        // December: A has moved into 铜山区; B and C are registered in 泉山区.
        BatchReport december = ingest("care_visit", "2024-12", "civil_affairs:320312", header,
                A + ",2024-12-03,上门,",
                B + ",2024-12-04,电话,",
                C + ",2024-12-05,上门,",
                D + ",2024-12-06,视频,");
        assertEquals(List.of("3:id_number:OUT_OF_SCOPE", "4:id_number:OUT_OF_SCOPE"), findings(december));
        assertEquals(2, december.rowsLoaded());

        // A period before every snapshot uses the latest one; an annual feed uses the latest snapshot of its year.
        BatchReport october = ingest("care_visit", "2024-10", "civil_affairs:320312", header,
                A + ",2024-10-03,上门,",
                C + ",2024-10-05,上门,");
        assertEquals(List.of("3:id_number:OUT_OF_SCOPE"), findings(october));
        BatchReport survey = ingest("living_status", "2024", "civil_affairs:320312", "公民身份号码,居住状况,调查日期",
                A + ",独居,2024-03-01",
                B + ",空巢,2024-03-01");
        assertEquals(List.of("3:id_number:OUT_OF_SCOPE"), findings(survey));

        // The city-wide unit may send everyone.
        BatchReport city = ingest("care_visit", "2024-12", "civil_affairs:320300", header,
                B + ",2024-12-04,电话,",
                C + ",2024-12-05,上门,");
        assertEquals(List.of(), findings(city));
    }

    @Test
    void withoutAnyHouseholdSnapshotNobodyIsOutOfScope() throws Exception {
        BatchReport report = ingest("pension", "2024-12", "human_resources:320312", "发放年月,公民身份号码,险种,发放金额",
                "2024-12," + A + ",企业职工基本养老保险,3000",
                "2024-12," + B + ",城乡居民基本养老保险,230");
        assertEquals(List.of(), findings(report));
        assertEquals(2, report.rowsLoaded());
    }

    @Test
    void outOfScopeRowsCountTowardsTheRejectThreshold() throws Exception {
        landing = new Landing(home, Fixtures.options());
        landHouseholds();
        BatchReport report = landing.ingest(new Upload("health_checkup", "2024-12", "health:320312", "t", "h.csv",
                Fixtures.utf8(dir, "h.csv", "公民身份号码,体检日期,生活自理能力",
                        A + ",2024-12-01,可自理",
                        B + ",2024-12-02,可自理")));
        assertEquals(BatchStatus.refused, report.status());
        assertEquals(Rules.REJECT_THRESHOLD, report.fatal().rule());
        assertTrue(report.fatal().message().contains("1行"), report.fatal().message());
        assertEquals(Map.of(Rules.OUT_OF_SCOPE, 1L), Fixtures.ruleCounts(report));
    }
}
