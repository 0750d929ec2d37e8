package cn.yinling.warehouse.land;

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

/** The feed-specific rules of region, death, facility, living_status, accident_insurance, service_order, allowance. */
class LandingFeedsTest {

    @TempDir
    Path dir;
    AgingHome home;
    Landing landing;

    @BeforeEach
    void setUp() {
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

    @Test
    void regionFeedChecksParentsLevelsAndScope() throws Exception {
        BatchReport report = ingest("region", "2024", "stats:320312",
                "区划代码,名称,级别,上级代码,城乡分类代码",
                "320312001001,九里山社区,5,320312001,111",
                "320312001,铜山街道,4,320312,",
                "320312,铜山区,3,3203,",
                "3203,徐州市,2,32,",
                "32,江苏省,1,,",
                "320311001,王陵街道,4,320311,",
                "320312002,新街道,4,320311,",
                "320312003,无上级街道,4,,",
                "320312001002,某村,5,320312001,999",
                "320312001003,某村,5,320312009,220",
                "320312001001,重复社区,5,320312001,111",
                "32031200100,坏代码,5,320312001,",
                "320312004,错级,4,320312,111",
                "320312005,级别错,7,320312,");
        assertEquals(List.of(
                "7:code:OUT_OF_SCOPE",
                "7:parent_code:PARENT_UNKNOWN",
                "8:parent_code:PARENT_UNKNOWN",
                "9:parent_code:REQUIRED",
                "10:urban_rural_code:CODE_UNKNOWN",
                "11:parent_code:PARENT_UNKNOWN",
                "12:code:DUPLICATE_KEY",
                "13:code:TYPE_FORMAT",
                "14:urban_rural_code:CODE_UNKNOWN",
                "15:level:RANGE"), findings(report));
        assertEquals(14, report.rowsRead());
        assertEquals(5, report.rowsLoaded());
        assertEquals(List.of(
                        Arrays.asList("2", "320312001001", "5", "320312001", "111"),
                        Arrays.asList("3", "320312001", "4", "320312", null),
                        Arrays.asList("4", "320312", "3", "3203", null),
                        Arrays.asList("5", "3203", "2", "32", null),
                        Arrays.asList("6", "32", "1", null, null)),
                Fixtures.rows(parquet(report), "SELECT _row, code, level, parent_code, urban_rural_code FROM t ORDER BY _row"));
        assertEquals("INTEGER", Fixtures.parquetTypes(parquet(report)).get("level"));
        // the registry now knows the codes, padded to 12 digits, with their level
        RegionRegistry registry = landing.regionRegistry();
        assertEquals(5, registry.size());
        assertEquals(4, registry.level("320312001000"));
        assertEquals(1, registry.level("320000000000"));
    }

    @Test
    void deathRules() throws Exception {
        Fixtures.landRegions(landing, dir);
        BatchReport report = ingest("death", "2024-12", "health:320300",
                "公民身份号码,姓名,死亡日期,信息来源",
                id("320312", "19400101", "001") + ",张三,2024-12-05,死亡证明",
                id("320312", "19400101", "003") + ",,2024-11-30,火化记录",
                id("320312", "20241220", "005") + ",,2024-12-05,户籍注销",
                id("320312", "19400101", "007") + ",,2024-12-06,医院");
        assertEquals(List.of("3:death_date:OUT_OF_PERIOD", "4:death_date:DEATH_BEFORE_BIRTH", "5:source:CODE_UNKNOWN"),
                findings(report));
        assertEquals(List.of(List.of("2", "2024-12-05", "certificate")),
                Fixtures.rows(parquet(report), "SELECT _row, death_date, source FROM t"));
    }

    @Test
    void facilityRules() throws Exception {
        Fixtures.landRegions(landing, dir);
        String bad = uscc("91320312MA1ABCD05");
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        BatchReport report = ingest("facility", "2024-12", "civil_affairs:320312",
                "设施代码,设施名称,设施类型,区划代码,床位数,护理型床位数,开办日期,运营状态,运营方式,消防达标",
                uscc("91320312MA1ABCD01") + ",铜山区福利院,养老机构,320312001,100,60,2010-05-01,运营中,公办公营,是",
                uscc("91320312MA1ABCD02") + ",日间照料中心,街道日间照料中心,320312001001,,,,运营中,,否",
                uscc("91320312MA1ABCD03") + ",敬老院,养老机构,320312001002,,,,运营中,,",
                uscc("91320312MA1ABCD04") + ",护理院,养老机构,320312001001,50,80,,运营中,,",
                bad + ",某中心,社区食堂,320312001001,,,,运营中,,",
                uscc("91320312MA1ABCD06") + ",区中心,社区居家养老服务中心,320312,,,,运营中,,",
                uscc("91320312MA1ABCD07") + ",某点,老年助餐点,320312001001,-5,,,停业,,",
                uscc("91320312MA1ABCD08") + ",某点2,老年助餐点,320312001001,,,,停业,,也许");
        assertEquals(List.of(
                "4:beds:REQUIRED",
                "5:nursing_beds:BEDS_INCONSISTENT",
                "6:facility_code:USCC_CHECKSUM",
                "7:region_code:REGION_UNKNOWN",
                "8:beds:RANGE",
                "9:fire_safe:TYPE_FORMAT"), findings(report));
        assertEquals(List.of(
                        Arrays.asList("2", "institution", "320312001000", "100", "60", "2010-05-01", "open", "public", "true"),
                        Arrays.asList("3", "day_care_center", "320312001001", null, null, null, "open", null, "false")),
                Fixtures.rows(parquet(report), "SELECT _row, facility_type, region_code, beds, nursing_beds,"
                        + " opened_date, status, operation, fire_safe FROM t ORDER BY _row"));
        var types = Fixtures.parquetTypes(parquet(report));
        assertEquals("INTEGER", types.get("beds"));
        assertEquals("BOOLEAN", types.get("fire_safe"));
        assertEquals("DATE", types.get("opened_date"));
    }

    @Test
    void livingStatusCodeListsOfSeveralValuesAndAge() throws Exception {
        BatchReport report = ingest("living_status", "2024", "aging_office:320300",
                "公民身份号码,居住状况,特殊困难类型,调查日期",
                id("320312", "19400101", "001") + ",独居,低保、失能,2024-06-01",
                id("320312", "19400101", "003") + ",空巢,失能，特困,2024-06-01",
                id("320312", "19400101", "005") + ",与子女同住,\"半失能,低保;特困,低保\",2024-06-01",
                id("320312", "19400101", "007") + ",其他,无,2024-06-01",
                id("320312", "19400101", "009") + ",独居,,2024-06-01",
                id("320312", "19700101", "011") + ",独居,,2024-06-01",
                id("320312", "19640602", "013") + ",独居,,2024-06-01",
                id("320312", "19640601", "015") + ",独居,,2024-06-01",
                id("320312", "19400101", "017") + ",独居,低保、富裕,2024-06-01",
                id("320312", "19400101", "019") + ",独居,,2023-12-31");
        assertEquals(List.of(
                "7:id_number:NOT_ELDERLY",
                "8:id_number:NOT_ELDERLY",
                "10:hardship:CODE_UNKNOWN",
                "11:survey_date:OUT_OF_PERIOD"), findings(report));
        assertEquals(List.of(
                        Arrays.asList("2", "alone", "minimum_living,disabled"),
                        Arrays.asList("3", "empty_nest", "extreme_poverty,disabled"),
                        Arrays.asList("4", "with_children", "extreme_poverty,minimum_living,semi_disabled"),
                        Arrays.asList("5", "other", "none"),
                        Arrays.asList("6", "alone", null),
                        Arrays.asList("9", "alone", null)),
                Fixtures.rows(parquet(report), "SELECT _row, living_arrangement, hardship FROM t ORDER BY _row"));
        assertTrue(report.rejections().get(2).message().contains("富裕"));
    }

    @Test
    void accidentInsuranceAgeAtStartOfPolicyYear() throws Exception {
        BatchReport report = ingest("accident_insurance", "2024", "aging_office:320300",
                "参保年度,公民身份号码,保单号,保费,出资方式,参保日期",
                "2024," + id("320312", "19640101", "001") + ",P001,50,政府,2024-01-10",
                "2024," + id("320312", "19640102", "003") + ",P002,50,个人,",
                "2023," + id("320312", "19400101", "005") + ",P003,50,个人,",
                "2024年," + id("320312", "19400101", "007") + ",P004,50元,单位,");
        assertEquals(List.of("3:id_number:NOT_ELDERLY", "4:policy_year:OUT_OF_PERIOD"), findings(report));
        assertEquals(List.of(List.of("2", "2024", "50.00", "government"), List.of("5", "2024", "50.00", "employer")),
                Fixtures.rows(parquet(report), "SELECT _row, policy_year, premium, payer FROM t ORDER BY _row"));
        assertEquals("DECIMAL(14,2)", Fixtures.parquetTypes(parquet(report)).get("premium"));
    }

    @Test
    void serviceOrderTimesAndRanges() throws Exception {
        String person = id("320312", "19400101", "001");
        String provider = uscc("52320312MA1ABCD01");
        String prefix = "," + person + "," + provider + ",W1,";
        BatchReport report = ingest("service_order", "2024-12", "civil_affairs:320312",
                "工单号,公民身份号码,服务机构代码,服务人员编号,服务项目,服务开始时间,服务结束时间,政府补贴金额,个人支付金额,签到经度,签到纬度,工单状态,资金来源",
                "SO1" + prefix + "助餐,2024-12-01 10:00,2024-12-01 10:45,20,5,117.18,34.26,已完成,政府购买",
                "SO2" + prefix + "助洁,2024-12-02 10:00,2024-12-02 09:00,20,0,117.18,34.26,已完成,",
                "SO3" + prefix + "助浴,2024-12-03 08:00,2024-12-03 21:00,20,0,,,已完成,",
                "SO4" + prefix + "助医,2024-12-04 08:00,2024-12-04 09:00,20,0,200,60,已完成,",
                "SO1" + prefix + "助餐,2024-12-05 10:00,2024-12-05 10:45,20,5,117.18,34.26,已完成,",
                "SO6" + prefix + "助餐,2024-11-30 23:00,2024-11-30 23:30,20,5,117.18,34.26,已完成,");
        // no facility feed has landed: providers are not checked, one file-level warning says so
        assertEquals(List.of(
                "null:provider_code:UNKNOWN_PROVIDER",
                "3:end_time:TIME_ORDER",
                "4:end_time:TIME_ORDER",
                "5:checkin_lon:RANGE",
                "5:checkin_lat:RANGE",
                "6:order_id:DUPLICATE_KEY",
                "7:start_time:OUT_OF_PERIOD"), findings(report));
        assertEquals(List.of(List.of("2", "2024-12-01 10:00:00", "2024-12-01 10:45:00", "20.00", "5.00", "117.18",
                        "meal", "completed", "government")),
                Fixtures.rows(parquet(report), "SELECT _row, CAST(start_time AS VARCHAR), CAST(end_time AS VARCHAR), subsidy_amount, self_pay_amount,"
                        + " checkin_lon, service_type, status, funding FROM t"));
        var types = Fixtures.parquetTypes(parquet(report));
        assertEquals("TIMESTAMP", types.get("start_time"));
        assertEquals("DOUBLE", types.get("checkin_lon"));
    }

    @Test
    void allowanceAmountsPeriodsAndRegionLevels() throws Exception {
        Fixtures.landRegions(landing, dir);
        String p1 = id("320312", "19400101", "001");
        BatchReport report = ingest("allowance", "2024-12", "civil_affairs:320300",
                "发放年月,公民身份号码,姓名,补贴类别,发放金额（元）,发放地区划代码,发放方式",
                "2024-12," + p1 + ",张三,高龄津贴（80-89岁）,\"1,200.00\",320312,社保卡",
                "202412," + id("320312", "19300101", "003") + ",李四,高龄津贴(90-99岁),300元,320312001,银行卡",
                "2024-12," + p1 + ",张三,高龄津贴(80-89岁),100,320312001001,",
                "2024-12," + p1 + ",张三,百岁老人长寿补贴,0,320312001001,",
                "2024-12," + id("320312", "19400101", "005") + ",王五,失能老人护理补贴,20000,320312001001,",
                "2024-11," + id("320312", "19400101", "007") + ",赵六,居家养老服务补贴,100,320312001001,",
                "2024-12," + id("320312", "19400101", "009") + ",孙七,居家养老服务补贴,100,330100,");
        assertEquals(List.of(
                "4:pay_month,id_number,allowance_type:DUPLICATE_KEY",
                "5:amount:RANGE",
                "6:amount:RANGE",
                "7:pay_month:OUT_OF_PERIOD",
                "8:region_code:REGION_UNKNOWN",
                "8:region_code:OUT_OF_SCOPE"), findings(report));
        assertEquals(List.of(
                        List.of("2", "2024-12-01", "longevity_80", "1200.00", "320312000000", "social_card"),
                        List.of("3", "2024-12-01", "longevity_90", "300.00", "320312001000", "bank_card")),
                Fixtures.rows(parquet(report), "SELECT _row, pay_month, allowance_type, amount, region_code, pay_method"
                        + " FROM t ORDER BY _row"));
        assertEquals("DATE", Fixtures.parquetTypes(parquet(report)).get("pay_month"));
        assertTrue(report.rejections().get(1).message().contains("发放金额"));
    }
}
