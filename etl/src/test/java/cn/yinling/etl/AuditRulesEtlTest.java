package cn.yinling.etl;

import static cn.yinling.etl.AuditCity.Q1;
import static cn.yinling.etl.AuditCity.Q10;
import static cn.yinling.etl.AuditCity.Q11;
import static cn.yinling.etl.AuditCity.Q12;
import static cn.yinling.etl.AuditCity.Q13;
import static cn.yinling.etl.AuditCity.Q2;
import static cn.yinling.etl.AuditCity.Q3;
import static cn.yinling.etl.AuditCity.Q4;
import static cn.yinling.etl.AuditCity.Q5;
import static cn.yinling.etl.AuditCity.Q6;
import static cn.yinling.etl.AuditCity.Q7;
import static cn.yinling.etl.AuditCity.Q8;
import static cn.yinling.etl.AuditCity.Q9;
import static cn.yinling.etl.TestCity.CITY;
import static cn.yinling.etl.TestCity.COMMUNITY_A;
import static cn.yinling.etl.TestCity.COMMUNITY_B;
import static cn.yinling.etl.TestCity.GULOU;
import static cn.yinling.etl.TestCity.HUANGLOU_STREET;
import static cn.yinling.etl.TestCity.TONGSHAN;
import static cn.yinling.etl.TestCity.VILLAGE_C;
import static cn.yinling.etl.TestCity.VILLAGE_D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ten audit rules of spec/audit.md, the audit summary, the KPIs that use the findings and the passive proof of
 * life, over {@link AuditCity} through one ETL run, every expected row worked out by hand below.
 *
 * <p>Register at the month ends (31 Jan, 28 Feb, 31 Mar, 30 Apr 2025). Community A (鼓楼区 黄楼街道 甲社区): Q1 (b.
 * 1942-06-10, 82; dies 20 Jan by a death certificate, the register shows 正常 until March, then 死亡 with 变动日期
 * 20 Jan), Q3 (b. 1945-02-28: 79 on 31 Jan, 80 on 28 Feb), Q9 (83; 迁出 on 14 Feb, shown from February), Q10 (81;
 * moves to village C in March), Q11 (73), Q13 (75). Community B: Q5 (b. 1945-03-31: 79 in February, 80 on 31 Mar), Q7
 * (85), Q12 (74). Village C (铜山区 棠张镇 丙村): Q2 (91; the February snapshot shows 死亡 on 10 Feb, no death record),
 * Q4 (b. 1926-09-01, 98), Q6 (90), Q14 (76). Village D: Q8 (88; first listed in March), Q15 (77).
 */
class AuditRulesEtlTest {

    static final String SECRET = "audit-secret-乙";
    static final String CITY_BUREAU = "徐州市民政局";
    static final String TONGSHAN_BUREAU = "铜山区民政局";
    static final String DEATH_Q1 = "死亡日期2025-01-20(死亡证明、户籍状态死亡)";

    @TempDir
    static Path root;
    static AgingHome home;
    static SparkSession spark;
    static List<Row> findings;
    static Map<String, Row> kpi;

    @BeforeAll
    static void runEtl() {
        spark = SharedSpark.get();
        home = new AgingHome(root);
        AuditCity.write(new LandingFixture(home));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EtlRun.Result result = new EtlRun(EtlRun.Options.defaults(home, SECRET.getBytes(StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).run(spark);
        System.out.println(err.toString(StandardCharsets.UTF_8));
        System.out.println("ETL wall time: " + result.elapsed().toMillis() / 1000.0 + " s");
        findings = table("audit_finding").orderBy("rule", "month", "order_id", "person_key").collectAsList();
        kpi = table("mart_kpi").where("breakdown is null").collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("kpi_code") + "|" + r.getAs("region_code") + "|" + r.getAs("month").toString().substring(0, 7),
                r -> r));
    }

    static Dataset<Row> table(String name) {
        return spark.read().parquet(new VersionStore(home).currentDir().orElseThrow().resolve(name).toString());
    }

    /** One expected finding: what a planner reads. Amounts as text with two decimals, null when the rule has none. */
    record Finding(String rule, String month, String personKey, String orderId, String region, String amount,
                   String evidence) {
        @Override
        public String toString() {
            return rule + " " + month + " " + orderId + " " + region + " " + amount + " " + evidence;
        }
    }

    static Finding finding(String rule, String month, String id, String orderId, String region, String amount,
                           String evidence) {
        return new Finding(rule, month, hmac(id), orderId, region, amount, evidence);
    }

    static Finding of(Row r) {
        BigDecimal amount = r.getAs("amount");
        return new Finding(r.getAs("rule"), r.getAs("month").toString().substring(0, 7), r.getAs("person_key"),
                r.getAs("order_id"), r.getAs("region_code"), amount == null ? null : amount.toPlainString(),
                r.getAs("evidence"));
    }

    /**
     * Every finding of the version, and nothing else: the near misses named in the comments produce no row.
     */
    @Test
    void findingsAreExactlyTheCasesWorkedOutByHand() {
        List<Finding> expected = List.of(
                // A01: Q1's January payment is for the month he died in (normal); March is two months later. His
                // earliest death date, 20 Jan, comes from the certificate and, from March, from the register too.
                // Q2's February payment is for her month of death; March is a finding; her only source is the
                // register's 死亡 status.
                finding("A01", "2025-03", Q1, null, COMMUNITY_A, "100.00", DEATH_Q1
                        + "；发放年月2025-03；补贴类别高龄津贴(80-89岁)；发放金额100.00元；发放单位" + CITY_BUREAU),
                finding("A01", "2025-03", Q2, null, VILLAGE_C, "110.00", "死亡日期2025-02-10(户籍状态死亡)"
                        + "；发放年月2025-03；补贴类别高龄津贴(90-99岁)；发放金额110.00元；发放单位" + TONGSHAN_BUREAU),
                // A02: Q1's pension for January is normal, February's is not
                finding("A02", "2025-02", Q1, null, COMMUNITY_A, "2000.00", DEATH_Q1
                        + "；养老金发放年月2025-02；险种企业职工基本养老保险；发放金额2000.00元；发放单位徐州市人社局"),
                // A03: R1 (3 Feb) started after his death; R2 on the day of death itself and the cancelled R3 do not
                finding("A03", "2025-02", Q1, "R1", COMMUNITY_A, "40.00", DEATH_Q1
                        + "；工单R1，助洁，开始2025-02-03 10:00，已完成；政府补贴40.00元"),
                // A04: Q3 is 79 on 31 January (80 only on 28 Feb, when February's payment is right); Q4 is 98 and
                // paid the centenarian allowance (his longevity_90 payments are right)
                finding("A04", "2025-01", Q3, null, COMMUNITY_A, "100.00", "出生日期1945-02-28；发放月末(2025-01-31)年龄79岁"
                        + "；补贴类别高龄津贴(80-89岁)（应为80–89岁）；发放金额100.00元；发放单位" + CITY_BUREAU),
                finding("A04", "2025-01", Q4, null, VILLAGE_C, "500.00", "出生日期1926-09-01；发放月末(2025-01-31)年龄98岁"
                        + "；补贴类别百岁老人长寿补贴（应为100岁及以上）；发放金额500.00元；发放单位" + CITY_BUREAU),
                // A05: Q6's longevity_90 of February from the city bureau (landed first) and from 铜山区 (the
                // finding); January's longevity_90 and low_income are two types, no duplicate
                finding("A05", "2025-02", Q6, null, VILLAGE_C, "110.00", "发放年月2025-02；补贴类别高龄津贴(90-99岁)"
                        + "；同月共发放2笔：徐州市民政局110.00元、铜山区民政局110.00元；本条为第2笔（铜山区民政局110.00元）"),
                // A06 (no amount): Q7 is never paid: February, March, April (January has no previous month-end in
                // the data). Q5 is 80 on 31 March and unpaid (in February he was 79: no finding); Q8 moved in
                // during March (not there at February's end) and is paid in April; Q9 has moved out, Q1 and Q2
                // are dead; Q10, registered in A then C, is paid every month
                a06("2025-02", Q7, "1939-12-01", "2025-02-28", 85, "2025-01-31"),
                a06("2025-03", Q5, "1945-03-31", "2025-03-31", 80, "2025-02-28"),
                a06("2025-03", Q7, "1939-12-01", "2025-03-31", 85, "2025-02-28"),
                a06("2025-04", Q7, "1939-12-01", "2025-04-30", 85, "2025-03-31"),
                // A07: Q9 moved out on 14 Feb; February's payment is for the month of the move, March's is after
                // it. Q10's move within the city (A → C) keeps his status 正常: no finding
                finding("A07", "2025-03", Q9, null, COMMUNITY_A, "100.00", "户籍状态迁出，变动日期2025-02-14；发放年月2025-03"
                        + "；补贴类别高龄津贴(80-89岁)；发放金额100.00元；发放单位" + CITY_BUREAU),
                // A08: W7's S1 (09:00–10:30) and S2 (10:00–11:00); Q11's two meals S3 and S4 by W8 and W9. Not:
                // W7's S5 and S6 touch at 10:00; S9 is cancelled; S7 and S8 are different services of Q11
                finding("A08", "2025-03", Q11, "S1", COMMUNITY_A, "60.00",
                        "工单S1（服务人员W7，2025-03-10 09:00–10:30）与S2（同一服务人员W7，2025-03-10 10:00–11:00）时间重叠"),
                finding("A08", "2025-03", Q12, "S2", COMMUNITY_B, "15.00",
                        "工单S2（服务人员W7，2025-03-10 10:00–11:00）与S1（同一服务人员W7，2025-03-10 09:00–10:30）时间重叠"),
                finding("A08", "2025-03", Q11, "S3", COMMUNITY_A, "15.00",
                        "工单S3（服务人员W8，2025-03-12 11:00–12:00）与S4（同一服务对象的助餐工单，2025-03-12 11:30–12:15）时间重叠"),
                finding("A08", "2025-03", Q11, "S4", COMMUNITY_A, "15.00",
                        "工单S4（服务人员W9，2025-03-12 11:30–12:15）与S3（同一服务对象的助餐工单，2025-03-12 11:00–12:00）时间重叠"),
                // A09: S10 lasts 6 minutes, S11 8 h 30; S12 exactly 10 minutes and S13 exactly 8 hours are normal,
                // the cancelled 5-minute S14 is no service
                finding("A09", "2025-04", Q12, "S10", COMMUNITY_B, "2.00",
                        "工单S10，精神慰藉，服务时长6分钟（2025-04-02 09:00至2025-04-02 09:06），短于10分钟"),
                finding("A09", "2025-04", Q11, "S11", COMMUNITY_A, "340.00",
                        "工单S11，康复护理，服务时长8小时30分钟（2025-04-03 08:00至2025-04-03 16:30），长于8小时"),
                // A10: Q13's 2024 survey (in force in January) says 入住养老机构; Q14's says so too but is dated
                // 20 Dec 2023, outside January's twelve months; Q15 lives alone
                finding("A10", "2025-01", Q13, null, COMMUNITY_A, "200.00", "居住状况入住养老机构（调查日期2024-06-15）"
                        + "；发放年月2025-01；补贴类别居家养老服务补贴；发放金额200.00元；发放单位" + CITY_BUREAU));
        List<Finding> actual = findings.stream().map(AuditRulesEtlTest::of).toList();
        assertEquals(new TreeSet<>(expected.stream().map(Finding::toString).toList()),
                new TreeSet<>(actual.stream().map(Finding::toString).toList()));
        assertEquals(expected.size(), actual.size());
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(actual), "person keys too");
    }

    static Finding a06(String month, String id, String birth, String monthEnd, int age, String previousEnd) {
        return finding("A06", month, id, null, region(id), null, "出生日期" + birth + "；月末(" + monthEnd + ")年龄" + age
                + "岁，存活；户籍状态正常（" + previousEnd + "与" + monthEnd + "均在册）；本月无高龄津贴或百岁老人长寿补贴发放，应发高龄津贴(80-89岁)");
    }

    static String region(String id) {
        return id.equals(Q5) || id.equals(Q7) ? COMMUNITY_B : COMMUNITY_A;
    }

    @Test
    void nearMissesRaiseNothing() {
        // each near miss of spec/audit.md, looked up by rule, month and person or order
        assertNoFinding("A01", "2025-01", Q1, null);   // paid for the month of death
        assertNoFinding("A01", "2025-02", Q2, null);   // likewise, death known from the register only
        assertNoFinding("A02", "2025-01", Q1, null);   // pension for the month of death
        assertNoFinding("A03", "2025-01", Q1, "R2");   // an order on the day of death
        assertNoFinding("A03", "2025-02", Q1, "R3");   // cancelled
        assertNoFinding("A04", "2025-02", Q3, null);   // 80 on the pay month's last day
        assertNoFinding("A06", "2025-02", Q5, null);   // 79 at the month's end
        assertNoFinding("A06", "2025-03", Q8, null);   // moved in during March
        assertNoFinding("A06", "2025-01", Q7, null);   // the spine's first month: no previous month-end
        assertNoFinding("A05", "2025-01", Q6, null);   // two allowance types in one month
        assertNoFinding("A07", "2025-02", Q9, null);   // paid for the month of the move
        assertNoFinding("A07", "2025-03", Q10, null);  // moved within the city
        assertNoFinding("A08", "2025-03", Q12, "S5");  // back to back with S6
        assertNoFinding("A08", "2025-03", Q11, "S6");
        assertNoFinding("A08", "2025-03", Q12, "S9");  // cancelled
        assertNoFinding("A08", "2025-03", Q11, "S7");  // another service type than S8
        assertNoFinding("A09", "2025-04", Q12, "S12"); // exactly 10 minutes
        assertNoFinding("A09", "2025-04", Q11, "S13"); // exactly 8 hours
        assertNoFinding("A09", "2025-04", Q12, "S14"); // cancelled
    }

    static void assertNoFinding(String rule, String month, String id, String orderId) {
        List<Finding> hits = findings.stream().map(AuditRulesEtlTest::of)
                .filter(f -> f.rule().equals(rule) && f.month().equals(month) && f.personKey().equals(hmac(id))
                        && java.util.Objects.equals(f.orderId(), orderId))
                .toList();
        assertEquals(List.of(), hits, rule + " " + month + " " + orderId);
    }

    @Test
    void findingIdsHashTheCaseNotTheBatch() throws Exception {
        // finding_id = first 32 hex digits of SHA-256(rule|yyyy-MM|person_key|order_id|case_key), case_key the
        // allowance type (or scheme) and unit of a payment, the unit of an order, empty for A06
        Map<String, Row> byRuleAndSubject = findings.stream().collect(Collectors.toMap(
                r -> r.getAs("rule") + "|" + r.getAs("month") + "|" + r.getAs("person_key") + "|" + r.getAs("order_id"),
                r -> r));
        Row q6 = byRuleAndSubject.get("A05|2025-02-01|" + hmac(Q6) + "|null");
        assertEquals(sha256Prefix("A05|2025-02|" + hmac(Q6) + "||longevity_90|civil_affairs:320312"), q6.getAs("finding_id"));
        Row s1 = byRuleAndSubject.get("A08|2025-03-01|" + hmac(Q11) + "|S1");
        assertEquals(sha256Prefix("A08|2025-03|" + hmac(Q11) + "|S1|civil_affairs:320300"), s1.getAs("finding_id"));
        Row q7 = byRuleAndSubject.get("A06|2025-03-01|" + hmac(Q7) + "|null");
        assertEquals(sha256Prefix("A06|2025-03|" + hmac(Q7) + "||"), q7.getAs("finding_id"));
        assertNull(q7.getAs("batch_id"), "A06 points at no row");
        assertEquals("20250311T100000000-d4000022", q6.getAs("batch_id"), "the payment of 铜山区民政局");
        assertEquals(4, q6.<Integer>getAs("source_row"), "its third data row (after Q2 and Q4; rows start at 2)");

        // the region ancestors of a community-level finding, and of a village one
        assertEquals(5, s1.<Integer>getAs("region_level"));
        assertEquals(CITY, s1.getAs("city_code"));
        assertEquals(GULOU, s1.getAs("district_code"));
        assertEquals(HUANGLOU_STREET, s1.getAs("street_code"));
        assertEquals(COMMUNITY_A, s1.getAs("community_code"));
        assertEquals(TONGSHAN, q6.getAs("district_code"));

        // evidence_json carries the same facts with English keys
        JsonNode json = new ObjectMapper().readTree(q6.<String>getAs("evidence_json"));
        assertEquals("2025-02", json.get("pay_month").asText());
        assertEquals("longevity_90", json.get("allowance_type").asText());
        assertEquals(2, json.get("ordinal").asInt());
        assertEquals("civil_affairs:320300", json.get("payments").get(0).get("unit").asText());
        assertEquals(110.0, json.get("payments").get(1).get("amount").asDouble());
        JsonNode a01 = new ObjectMapper().readTree(byRuleAndSubject.get("A01|2025-03-01|" + hmac(Q1) + "|null")
                .<String>getAs("evidence_json"));
        assertEquals("2025-01-20", a01.get("death_date").asText());
        assertEquals("[\"certificate\",\"household_status\"]", a01.get("death_sources").toString());
        JsonNode s3 = new ObjectMapper().readTree(byRuleAndSubject.get("A08|2025-03-01|" + hmac(Q11) + "|S3")
                .<String>getAs("evidence_json"));
        assertEquals("S4", s3.get("conflicts").get(0).get("order_id").asText());
        assertEquals("person_service_type", s3.get("conflicts").get(0).get("kind").asText());
    }

    @Test
    void summaryRollsFindingsUpByRuleRegionAndMonth() {
        Map<String, Row> summary = table("mart_audit_summary").collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("rule") + "|" + r.getAs("region_code") + "|" + r.getAs("month").toString().substring(0, 7),
                r -> r));
        // 10 rules × 9 regions of levels 2–5 × 4 months, zeros included
        assertEquals(10 * 9 * 4, summary.size());
        // A08 in March: S1 60 + S3 15 + S4 15 in community A, S2 15 in community B
        assertSummary(summary, "A08", CITY, "2025-03", 4, "105.00");
        assertSummary(summary, "A08", GULOU, "2025-03", 4, "105.00");
        assertSummary(summary, "A08", COMMUNITY_A, "2025-03", 3, "90.00");
        assertSummary(summary, "A08", COMMUNITY_B, "2025-03", 1, "15.00");
        assertSummary(summary, "A08", TONGSHAN, "2025-03", 0, "0.00");
        // A01 in March: Q1 in A (100), Q2 in C (110)
        assertSummary(summary, "A01", CITY, "2025-03", 2, "210.00");
        assertSummary(summary, "A01", GULOU, "2025-03", 1, "100.00");
        assertSummary(summary, "A01", TONGSHAN, "2025-03", 1, "110.00");
        assertSummary(summary, "A01", VILLAGE_D, "2025-03", 0, "0.00");
        // A06 has no amounts: Q5 and Q7 in community B in March
        assertSummary(summary, "A06", CITY, "2025-03", 2, null);
        assertSummary(summary, "A06", HUANGLOU_STREET, "2025-03", 2, null);
        assertSummary(summary, "A06", COMMUNITY_A, "2025-03", 0, null);
        assertSummary(summary, "A06", CITY, "2025-01", 0, null);
        assertSummary(summary, "A10", CITY, "2025-01", 1, "200.00");
        assertSummary(summary, "A02", CITY, "2025-04", 0, "0.00");
    }

    static void assertSummary(Map<String, Row> summary, String rule, String region, String month, long findings,
                              String amount) {
        Row row = summary.get(rule + "|" + region + "|" + month);
        assertTrue(row != null, "no summary row " + rule + " " + region + " " + month);
        assertEquals(findings, row.<Long>getAs("findings"), rule + " " + region + " " + month);
        BigDecimal value = row.getAs("amount");
        assertEquals(amount, value == null ? null : value.toPlainString(), rule + " " + region + " " + month + " amount");
    }

    @Test
    void kpisThatUseTheFindings() {
        // improper_amount (A01, A04, A05). January: A04 Q3 100 (A) and Q4 500 (C); February: A05 Q6 110 (C);
        // March: A01 Q1 100 (A) and Q2 110 (C); April nothing
        assertCount(600, "improper_amount", CITY, "2025-01");
        assertCount(100, "improper_amount", GULOU, "2025-01");
        assertCount(500, "improper_amount", TONGSHAN, "2025-01");
        assertCount(110, "improper_amount", CITY, "2025-02");
        assertCount(0, "improper_amount", GULOU, "2025-02");
        assertCount(210, "improper_amount", CITY, "2025-03");
        assertCount(110, "improper_amount", VILLAGE_C, "2025-03");
        assertCount(0, "improper_amount", CITY, "2025-04");

        // flagged_order_rate: status 异常 or an order-rule finding, over all orders started in the month.
        // Jan R2 (A). Feb R1 (A03) and the cancelled R3, both Q1's in A. Mar: A holds S1 S3 S4 (A08) S6 S7 S8, B
        // holds S2 (A08) S5 S9. Apr: S10 (A09, B) S11 (A09, A) S12 (B) S13 (A) S14 (B) S16 (异常, B), and Q8's S15
        // in village D
        assertRatio(0, 1, "flagged_order_rate", CITY, "2025-01");
        assertRatio(1, 2, "flagged_order_rate", CITY, "2025-02");
        assertRatio(4, 9, "flagged_order_rate", CITY, "2025-03");
        assertRatio(3, 6, "flagged_order_rate", COMMUNITY_A, "2025-03");
        assertRatio(1, 3, "flagged_order_rate", COMMUNITY_B, "2025-03");
        assertRatio(3, 7, "flagged_order_rate", CITY, "2025-04");
        assertRatio(3, 6, "flagged_order_rate", GULOU, "2025-04");
        assertRatio(0, 1, "flagged_order_rate", TONGSHAN, "2025-04");

        // auto_verified_rate: see proofOfLife… below. Jan 3 of 7 (鼓楼 Q3 of Q1 Q3 Q9 Q10; 铜山 Q4 Q6 of Q2 Q4 Q6);
        // Feb 3 of 6; Mar 4 of 7 (鼓楼 1 of 3, 铜山 3 of 4); Apr 5 of 6 (鼓楼 Q3 of Q3 Q5, 铜山 all 4)
        assertRatio(3, 7, "auto_verified_rate", CITY, "2025-01");
        assertRatio(1, 4, "auto_verified_rate", GULOU, "2025-01");
        assertRatio(2, 3, "auto_verified_rate", TONGSHAN, "2025-01");
        assertRatio(3, 6, "auto_verified_rate", CITY, "2025-02");
        assertRatio(4, 7, "auto_verified_rate", CITY, "2025-03");
        assertRatio(1, 3, "auto_verified_rate", GULOU, "2025-03");
        assertRatio(3, 4, "auto_verified_rate", TONGSHAN, "2025-03");
        assertRatio(5, 6, "auto_verified_rate", CITY, "2025-04");
        assertRatio(1, 2, "auto_verified_rate", GULOU, "2025-04");
        assertRatio(4, 4, "auto_verified_rate", TONGSHAN, "2025-04");
        assertRatio(0, 1, "auto_verified_rate", COMMUNITY_B, "2025-04");
    }

    static void assertCount(double expected, String code, String region, String month) {
        Row row = kpiRow(code, region, month);
        assertEquals(expected, row.<Double>getAs("value"), 1e-9, code + " " + region + " " + month);
    }

    static void assertRatio(double numerator, double denominator, String code, String region, String month) {
        Row row = kpiRow(code, region, month);
        String what = code + " " + region + " " + month;
        assertEquals(numerator, row.<Double>getAs("numerator"), what + " numerator");
        assertEquals(denominator, row.<Double>getAs("denominator"), what + " denominator");
        assertEquals(numerator / denominator * 100, row.<Double>getAs("value"), 1e-9, what + " value");
    }

    static Row kpiRow(String code, String region, String month) {
        Row row = kpi.get(code + "|" + region + "|" + month);
        assertTrue(row != null, "no mart_kpi row " + code + " " + region + " " + month);
        return row;
    }

    /**
     * Recipients of a longevity allowance and their evidence of life in the 6 months ending with the month. Q3 draws
     * a pension every month; Q4 had a checkup on 5 Nov 2024 (in every window up to April's, which starts 1 Nov); Q6
     * an LTC benefit in January; Q10 a care visit on 5 Mar; Q8 the completed order S15 on 8 Apr. Q5's checkup of 31 Oct
     * 2024 falls one day before April's window. Q9 has no evidence at all. Q1 is dead from 20 Jan and Q2 from 10 Feb:
     * never auto-verified, whatever else is on record (Q1: his pension and his orders R2 and R1).
     */
    @Test
    void proofOfLifeForEveryLongevityRecipient() {
        Map<String, Row> rows = table("mart_proof_of_life").collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("person_key") + "|" + r.getAs("month").toString().substring(0, 7), r -> r));
        assertEquals(7 + 6 + 7 + 6, rows.size());
        assertLife(rows, Q1, "2025-01", "needs_visit", "2025-01-20", "service_order", COMMUNITY_A,
                "已有死亡记录（死亡日期2025-01-20，死亡证明、户籍状态死亡），不能认证为生存；"
                        + "近6个月（2024-08-01至2025-01-31）最近记录：2025-01-20 居家养老服务工单");
        assertLife(rows, Q1, "2025-03", "needs_visit", "2025-02-03", "service_order", COMMUNITY_A,
                "已有死亡记录（死亡日期2025-01-20，死亡证明、户籍状态死亡），不能认证为生存；"
                        + "近6个月（2024-10-01至2025-03-31）最近记录：2025-02-03 居家养老服务工单");
        assertLife(rows, Q2, "2025-01", "needs_visit", null, null, VILLAGE_C,
                "近6个月（2024-08-01至2025-01-31）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录");
        assertLife(rows, Q2, "2025-02", "needs_visit", null, null, VILLAGE_C,
                "已有死亡记录（死亡日期2025-02-10，户籍状态死亡），不能认证为生存；"
                        + "近6个月（2024-09-01至2025-02-28）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录");
        assertLife(rows, Q3, "2025-01", "auto_verified", "2025-01-01", "pension", COMMUNITY_A,
                "近6个月（2024-08-01至2025-01-31）最近记录：2025-01-01 基本养老金发放");
        assertLife(rows, Q4, "2025-04", "auto_verified", "2024-11-05", "health_checkup", VILLAGE_C,
                "近6个月（2024-11-01至2025-04-30）最近记录：2024-11-05 老年人健康管理");
        assertLife(rows, Q5, "2025-04", "needs_visit", null, null, COMMUNITY_B,
                "近6个月（2024-11-01至2025-04-30）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录");
        assertLife(rows, Q6, "2025-03", "auto_verified", "2025-01-01", "ltc_benefit", VILLAGE_C,
                "近6个月（2024-10-01至2025-03-31）最近记录：2025-01-01 长期护理保险待遇");
        assertLife(rows, Q8, "2025-04", "auto_verified", "2025-04-08", "service_order", VILLAGE_D,
                "近6个月（2024-11-01至2025-04-30）最近记录：2025-04-08 居家养老服务工单");
        assertLife(rows, Q9, "2025-03", "needs_visit", null, null, COMMUNITY_A,
                "近6个月（2024-10-01至2025-03-31）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录");
        // Q10 is counted where he is registered: community A in February, village C after his move
        assertLife(rows, Q10, "2025-02", "needs_visit", null, null, COMMUNITY_A,
                "近6个月（2024-09-01至2025-02-28）无养老金发放、健康体检、居家养老服务、探访或长护险待遇记录");
        assertLife(rows, Q10, "2025-03", "auto_verified", "2025-03-05", "care_visit", VILLAGE_C,
                "近6个月（2024-10-01至2025-03-31）最近记录：2025-03-05 特殊困难老年人探访");
        // Q4, paid twice in January (centenarian by the city, longevity_90 by 铜山区), has one row; Q7 (never paid)
        // and Q13 (home care only) none
        assertTrue(rows.containsKey(hmac(Q4) + "|2025-01"));
        assertTrue(rows.keySet().stream().noneMatch(k -> k.startsWith(hmac(Q7)) || k.startsWith(hmac(Q13))));
        Row q6 = rows.get(hmac(Q6) + "|2025-02");
        assertEquals(5, q6.<Integer>getAs("region_level"));
        assertEquals(TONGSHAN, q6.getAs("district_code"));
        assertEquals(VILLAGE_C, q6.getAs("community_code"));
    }

    static void assertLife(Map<String, Row> rows, String id, String month, String status, String evidenceDate,
                           String source, String region, String evidence) {
        Row row = rows.get(hmac(id) + "|" + month);
        assertTrue(row != null, "no proof-of-life row for " + month);
        assertEquals(status, row.getAs("status"), month);
        assertEquals(evidenceDate == null ? null : Date.valueOf(LocalDate.parse(evidenceDate)), row.getAs("evidence_date"));
        assertEquals(source, row.getAs("evidence_source"), month);
        assertEquals(region, row.getAs("region_code"), month);
        assertEquals(evidence, row.getAs("evidence"), month);
    }

    static String sha256Prefix(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 32);
    }

    /** person_key computed independently of the UDF. */
    static String hmac(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
