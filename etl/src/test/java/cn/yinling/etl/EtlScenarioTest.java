package cn.yinling.etl;

import static cn.yinling.etl.TestCity.CITY;
import static cn.yinling.etl.TestCity.COMMUNITY_A;
import static cn.yinling.etl.TestCity.COMMUNITY_B;
import static cn.yinling.etl.TestCity.GULOU;
import static cn.yinling.etl.TestCity.HUANGLOU_STREET;
import static cn.yinling.etl.TestCity.TANGZHANG_TOWN;
import static cn.yinling.etl.TestCity.TONGSHAN;
import static cn.yinling.etl.TestCity.VILLAGE_C;
import static cn.yinling.etl.TestCity.VILLAGE_D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * One ETL run over {@link TestCity}, with every expected figure worked out by hand. People at month ends
 * (31 Jan, 28 Feb, 31 Mar, 30 Apr 2025) in community A (甲社区):
 * P1 born 1965-02-28 (59 in Jan, 60 on 28 Feb: a birthday on the month's last day counts), P2 born 1960-02-29
 * (64 on 28 Feb, 65 only in March), P3 84, P4 74 (dies 15 Feb by certificate, 20 Feb by registry, cremated 2 Mar;
 * the March register still says 正常), P5 69 (moved out 10 Mar), P6 35. Village C (丙村): P7 9, P8 100 → 101 in
 * March, P9 66 (a correction moved him from A to C), P12 79 (register 死亡 20 Mar), P13 24. P11 (85) dies 5 Mar and
 * was never registered: city level only. Community B and village D have nobody.
 */
class EtlScenarioTest {

    static final String SECRET = "test-secret-甲";

    @TempDir
    static Path root;
    static AgingHome home;
    static SparkSession spark;
    static EtlRun.Result result;
    static Map<String, Row> kpi;
    static String progress;

    @BeforeAll
    static void runEtl() throws Exception {
        spark = SharedSpark.get();
        home = new AgingHome(root);
        TestCity.write(new LandingFixture(home));
        Files.createDirectories(home.config());
        Files.writeString(home.config().resolve("targets.properties"), "fire_safe_rate=90\n");
        Files.writeString(home.config().resolve("units.csv"), """
                unit,name,expected_feeds,deadline_day
                public_security:320300,徐州市公安局,household,10
                civil_affairs:320300,徐州市民政局,facility;living_status,10
                civil_affairs:320312,铜山区民政局,allowance,10
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EtlRun.Options options = EtlRun.Options.defaults(home, SECRET.getBytes(StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new EtlRun(options).run(spark);
        progress = err.toString(StandardCharsets.UTF_8);
        System.out.println(progress);
        System.out.println("ETL wall time: " + result.elapsed().toMillis() / 1000.0 + " s");
        kpi = table("mart_kpi").collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("kpi_code") + "|" + r.getAs("breakdown") + "|" + r.getAs("region_code") + "|" + r.getAs("month"),
                r -> r));
    }

    static Dataset<Row> table(String name) {
        Path dir = new VersionStore(home).currentDir().orElseThrow().resolve(name);
        return spark.read().parquet(dir.toString());
    }

    /** numerator, denominator, value of one mart_kpi row (month as yyyy-MM, the total row for breakdown KPIs). */
    static Row kpi(String code, String region, String month) {
        return kpi(code, null, region, month);
    }

    static Row kpi(String code, String breakdown, String region, String month) {
        Row row = kpi.get(code + "|" + breakdown + "|" + region + "|" + month + "-01");
        assertTrue(row != null, "no mart_kpi row for " + code + " " + breakdown + " " + region + " " + month);
        return row;
    }

    static void assertCount(double expected, String code, String region, String month) {
        Row row = kpi(code, region, month);
        assertEquals(expected, row.<Double>getAs("numerator"), code + " " + region + " " + month);
        assertEquals(expected, row.<Double>getAs("value"), code + " " + region + " " + month);
        assertNull(row.getAs("denominator"), code + " is a count");
    }

    static void assertRatio(double numerator, double denominator, Double value, String code, String region, String month) {
        Row row = kpi(code, region, month);
        String what = code + " " + region + " " + month;
        assertEquals(numerator, row.<Double>getAs("numerator"), what + " numerator");
        assertEquals(denominator, row.<Double>getAs("denominator"), what + " denominator");
        if (value == null) {
            assertNull(row.getAs("value"), what + " value");
        } else {
            assertEquals(value, row.<Double>getAs("value"), 1e-9, what + " value");
        }
    }

    @Test
    void publishesVersionOneWithProgressAndLineage() throws Exception {
        assertEquals(1, result.version());
        assertEquals(1, new VersionStore(home).current().getAsInt());
        assertTrue(progress.contains("fct_population_month …"), progress);
        assertTrue(progress.matches("(?s)\\[1/\\d+] landing.*"), progress);
        JsonNode lineage = new ObjectMapper().readTree(new VersionStore(home).dir(1).resolve("lineage.json").toFile());
        assertEquals(1, lineage.get("version").asInt());
        // region 1, household 2 (the correction in force and March), death 4, facility 2; living status 4,
        // checkups 5, allowances 6, pensions 4, LTC 4, insurance 2, visits 3, orders 3
        assertEquals(40, lineage.get("batches").size());
        assertTrue(lineage.toString().contains("20250210T090000000-1111111b"));
        assertFalse(lineage.toString().contains("20250205T100000000-1111111a"), "the superseded batch is not in force");
        assertEquals(lineage.get("tests_run").asInt(), lineage.get("tests_passed").asInt());
        assertTrue(lineage.get("tests_run").asInt() >= 20);
        // a view (-- materialized: ephemeral): its rows are not counted on their own
        assertTrue(lineage.get("models").get("stg_household").get("rows_out").isNull());
        // a person per set of months: the January correction (11 persons, for January and February) and March
        // (11, for March and April); the superseded batch had 12
        assertEquals(22, lineage.get("models").get("int_person_snapshot").get("rows_out").asLong());
        // int_person_snapshot is stored as a table during the run (-- materialized: table); nothing of it is published
        assertFalse(Files.exists(new VersionStore(home).dir(1).resolve(ModelRunner.WORK_FOLDER)));
        assertFalse(Files.exists(new VersionStore(home).dir(1).resolve("int_person_snapshot")));
    }

    @Test
    void populationAtEveryLevel() {
        // community A: Jan P1..P6; Feb without P4 (dead); Mar/Apr without P4 and P5 (moved out)
        assertCount(6, "pop_total", COMMUNITY_A, "2025-01");
        assertCount(5, "pop_total", COMMUNITY_A, "2025-02");
        assertCount(4, "pop_total", COMMUNITY_A, "2025-03");
        assertCount(4, "pop_total", COMMUNITY_A, "2025-04");
        assertCount(5, "pop_total", HUANGLOU_STREET, "2025-02");
        assertCount(5, "pop_total", GULOU, "2025-02");
        assertCount(0, "pop_total", COMMUNITY_B, "2025-02");
        // village C: P12 dies 20 Mar per the register; the superseded batch's P10 and P9-in-A never count
        assertCount(5, "pop_total", VILLAGE_C, "2025-01");
        assertCount(4, "pop_total", VILLAGE_C, "2025-03");
        assertCount(4, "pop_total", TANGZHANG_TOWN, "2025-04");
        assertCount(4, "pop_total", TONGSHAN, "2025-04");
        assertCount(11, "pop_total", CITY, "2025-01");
        assertCount(10, "pop_total", CITY, "2025-02");
        assertCount(8, "pop_total", CITY, "2025-03");
        assertCount(8, "pop_total", CITY, "2025-04");

        // P1 turns 60 on 28 Feb, the month's last day: counted in February
        assertCount(4, "pop_60", COMMUNITY_A, "2025-01"); // P2 P3 P4 P5
        assertCount(4, "pop_60", COMMUNITY_A, "2025-02"); // P1 P2 P3 P5
        assertCount(3, "pop_60", COMMUNITY_A, "2025-03"); // P1 P2 P3
        assertCount(7, "pop_60", CITY, "2025-01");
        assertCount(7, "pop_60", CITY, "2025-02");
        assertCount(5, "pop_60", CITY, "2025-04");

        // P2 (born 29 Feb 1960) is still 64 on 28 Feb 2025, 65 in March
        assertCount(3, "pop_65", COMMUNITY_A, "2025-01"); // P3 P4 P5
        assertCount(2, "pop_65", COMMUNITY_A, "2025-02"); // P3 P5
        assertCount(2, "pop_65", COMMUNITY_A, "2025-03"); // P2 P3
        assertCount(5, "pop_65", CITY, "2025-02");
        assertCount(4, "pop_65", CITY, "2025-03");

        assertCount(1, "pop_80", VILLAGE_C, "2025-04"); // P8; P12 turns 80 in April but died in March
        assertCount(2, "pop_80", CITY, "2025-01");
        assertCount(1, "pop_100", VILLAGE_C, "2025-01");
        assertCount(1, "pop_100", CITY, "2025-03");
        assertCount(0, "pop_100", GULOU, "2025-03");

        assertRatio(4, 6, 4 * 100.0 / 6, "aging_rate_60", COMMUNITY_A, "2025-01");
        assertRatio(7, 11, 7 * 100.0 / 11, "aging_rate_60", CITY, "2025-01");
        assertRatio(0, 0, null, "aging_rate_60", COMMUNITY_B, "2025-01"); // nobody lives there: null, not 0
        assertRatio(0, 0, null, "aging_rate_60", VILLAGE_D, "2025-04");
        assertRatio(4, 8, 50.0, "aging_rate_65", CITY, "2025-03");
        assertRatio(1, 4, 25.0, "oldest_old_share", COMMUNITY_A, "2025-01");
        assertRatio(2, 7, 200.0 / 7, "oldest_old_share", CITY, "2025-02");
        // 15–64: Feb A = P1 P2 P6, C = P13; Mar A = P1 P6 (P2 is 65)
        assertRatio(2, 3, 200.0 / 3, "old_age_dependency", COMMUNITY_A, "2025-02");
        assertRatio(5, 4, 125.0, "old_age_dependency", CITY, "2025-02");
        assertRatio(4, 3, 400.0 / 3, "old_age_dependency", CITY, "2025-03");
    }

    @Test
    void deathsCountedOncePerPersonWhereRegistered() {
        // P4: three sources, first date 15 Feb, community A
        assertCount(1, "elderly_deaths", COMMUNITY_A, "2025-02");
        assertCount(1, "elderly_deaths", GULOU, "2025-02");
        assertCount(1, "elderly_deaths", CITY, "2025-02");
        assertCount(0, "elderly_deaths", COMMUNITY_A, "2025-03");
        // March: P12 (register 死亡) in village C, P11 (never registered) at city level only
        assertCount(1, "elderly_deaths", VILLAGE_C, "2025-03");
        assertCount(1, "elderly_deaths", TONGSHAN, "2025-03");
        assertCount(0, "elderly_deaths", GULOU, "2025-03");
        assertCount(2, "elderly_deaths", CITY, "2025-03");
        assertCount(0, "elderly_deaths", CITY, "2025-04");

        Map<String, Row> deaths = table("fct_death").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("person_key"), r -> r));
        assertEquals(3, deaths.size());
        Row p4 = deaths.get(hmac(TestCity.P4));
        assertEquals(Date.valueOf(LocalDate.of(2025, 2, 15)), p4.getAs("death_date"));
        assertEquals("certificate,cremation,registry", p4.getAs("sources"));
        assertEquals(COMMUNITY_A, p4.getAs("region_code"));
        Row p11 = deaths.get(hmac(TestCity.P11));
        assertEquals(CITY, p11.getAs("region_code"));
        assertFalse(p11.<Boolean>getAs("is_registered"));
        assertEquals(85, p11.<Integer>getAs("age_at_month_end"));
        assertEquals("household_status", deaths.get(hmac(TestCity.P12)).getAs("sources"));
    }

    @Test
    void facilitiesBedsAndCoverage() {
        // Jan–Mar use the January snapshot: F1 (A, 100 beds, 60 nursing, fire safe) and F2 (C, 50/20, not safe) open
        assertCount(100, "beds_total", COMMUNITY_A, "2025-02");
        assertCount(0, "beds_total", COMMUNITY_B, "2025-02"); // F7 closed
        assertCount(150, "beds_total", CITY, "2025-03");
        assertCount(100, "beds_total", CITY, "2025-04"); // April: F2 closed
        assertRatio(150, 7, 150 * 1000.0 / 7, "beds_per_1000", CITY, "2025-01");
        assertRatio(100, 4, 25000.0, "beds_per_1000", COMMUNITY_A, "2025-01");
        assertRatio(100, 5, 20000.0, "beds_per_1000", CITY, "2025-04");
        assertRatio(80, 150, 80 * 100.0 / 150, "nursing_bed_share", CITY, "2025-01");
        assertRatio(60, 100, 60.0, "nursing_bed_share", CITY, "2025-04");
        assertRatio(0, 0, null, "nursing_bed_share", COMMUNITY_B, "2025-01");
        assertRatio(1, 2, 50.0, "fire_safe_rate", CITY, "2025-02");
        assertRatio(0, 1, 0.0, "fire_safe_rate", VILLAGE_C, "2025-02");
        assertRatio(1, 1, 100.0, "fire_safe_rate", CITY, "2025-04");

        // facilities_open: a row per type plus the total; F4 is registered at the street, so not in community A
        assertEquals(5.0, kpi("facilities_open", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(2.0, kpi("facilities_open", "institution", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(0.0, kpi("facilities_open", "day_care_center", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(6.0, kpi("facilities_open", CITY, "2025-04").<Double>getAs("value"));
        assertEquals(1.0, kpi("facilities_open", "community_canteen", CITY, "2025-04").<Double>getAs("value"));
        assertEquals(4.0, kpi("facilities_open", HUANGLOU_STREET, "2025-04").<Double>getAs("value"));
        assertEquals(3.0, kpi("facilities_open", COMMUNITY_A, "2025-04").<Double>getAs("value"));
        assertEquals(0.0, kpi("facilities_open", "care_home_small", VILLAGE_D, "2025-04").<Double>getAs("value"));

        // urban communities A, B: A has F3; B is covered only when the street's day-care centre F4 opens (April)
        assertRatio(1, 1, 100.0, "community_center_coverage", COMMUNITY_A, "2025-01");
        assertRatio(0, 1, 0.0, "community_center_coverage", COMMUNITY_B, "2025-01");
        assertRatio(1, 2, 50.0, "community_center_coverage", CITY, "2025-01");
        assertRatio(2, 2, 100.0, "community_center_coverage", CITY, "2025-04");
        assertRatio(0, 0, null, "community_center_coverage", TONGSHAN, "2025-04");
        assertRatio(1, 2, 50.0, "rural_mutual_aid_coverage", TANGZHANG_TOWN, "2025-03");
        assertRatio(0, 1, 0.0, "rural_mutual_aid_coverage", VILLAGE_D, "2025-03");
        assertRatio(0, 0, null, "rural_mutual_aid_coverage", COMMUNITY_A, "2025-03");
        assertRatio(0, 1, 0.0, "day_care_street_coverage", HUANGLOU_STREET, "2025-02");
        assertRatio(1, 1, 100.0, "day_care_street_coverage", CITY, "2025-04");
        assertRatio(0, 0, null, "day_care_street_coverage", TANGZHANG_TOWN, "2025-04"); // a town, not a street
        assertFalse(kpi.containsKey("day_care_street_coverage|null|" + COMMUNITY_A + "|2025-04-01"), "levels 2–4 only");
        assertRatio(1, 4, 25.0, "meal_coverage", CITY, "2025-01");
        assertRatio(2, 4, 50.0, "meal_coverage", CITY, "2025-04");
    }

    /*
     * The service feeds (TestCity.writeServices). Alive 60+ at each month end: Jan A {P2 P3 P4 P5} C {P8 P9 P12};
     * Feb A {P1 P2 P3 P5} C {P8 P9 P12}; Mar and Apr A {P1 P2 P3} C {P8 P9}. 65+: Jan A {P3 P4 P5} C {P8 P9 P12};
     * Feb A {P3 P5} C {P8 P9 P12}; Mar/Apr A {P2 P3} C {P8 P9}. 80+: P3 (A) and P8 (C) in every month.
     */

    @Test
    void livingStatusInForceForTwelveMonthsOnly() {
        // In force = latest survey dated in the 12 calendar months ending with the month:
        // P3 alone (2024-03-10) for Jan and Feb, then with_children/none (2025-03-15); P4 alone (2024-06-01) in Jan;
        // P8 empty_nest (2024-02-15) in Jan only (Feb's window starts 2024-03-01); P5's 2023-12-05 survey never;
        // P9 three hardships (2025-01-20); P12 alone + 失能 (2025-01-05) until he dies in March; P1 empty_nest from
        // 2025-02-28, the day he turns 60; P11 is not registered and never counts.
        assertCount(2, "living_alone", COMMUNITY_A, "2025-01"); // P3 P4
        assertCount(1, "living_alone", VILLAGE_C, "2025-01"); // P12
        assertCount(3, "living_alone", CITY, "2025-01");
        assertCount(2, "living_alone", CITY, "2025-02"); // P3 P12
        assertCount(0, "living_alone", CITY, "2025-03"); // P3's new survey; P12 dead
        assertCount(1, "empty_nest", VILLAGE_C, "2025-01"); // P8
        assertCount(0, "empty_nest", VILLAGE_C, "2025-02"); // P8's survey is 13 months old
        assertCount(1, "empty_nest", COMMUNITY_A, "2025-02"); // P1
        assertCount(1, "empty_nest", CITY, "2025-04");
        // special hardship: Jan P3 P4 | P8 P9 P12; P9 with three hardships is one person
        assertCount(2, "special_hardship", COMMUNITY_A, "2025-01");
        assertCount(3, "special_hardship", TANGZHANG_TOWN, "2025-01");
        assertCount(5, "special_hardship", CITY, "2025-01");
        assertCount(4, "special_hardship", CITY, "2025-02"); // P1 P3 | P9 P12
        assertCount(1, "special_hardship", GULOU, "2025-03"); // P1 (P3 now with children, no hardship)
        assertCount(2, "special_hardship", CITY, "2025-04"); // P1 P9
        assertCount(0, "special_hardship", COMMUNITY_B, "2025-04");
        // 失能: P8 (checkups: dependent, then moderate), P9 (moderate on 2024-02-10: January only), P12 (hardship 失能);
        // P3's 'dependent' of 2024-01-20 is 13 months before February and outside January's window too
        assertCount(3, "disabled_elderly", CITY, "2025-01");
        assertCount(0, "disabled_elderly", COMMUNITY_A, "2025-01");
        assertCount(2, "disabled_elderly", CITY, "2025-02"); // P8 P12
        assertCount(1, "disabled_elderly", TONGSHAN, "2025-03"); // P8
        assertCount(1, "disabled_elderly", CITY, "2025-04");
    }

    @Test
    void visitsOfSpecialHardshipElders() {
        // Jan: special {P3 P4 | P8 P9 P12}; P3 visited twice (one person), P4 by the completed 探访关爱 order O1
        assertRatio(2, 5, 40.0, "visit_rate", CITY, "2025-01");
        assertRatio(2, 2, 100.0, "visit_rate", COMMUNITY_A, "2025-01");
        assertRatio(0, 3, 0.0, "visit_rate", VILLAGE_C, "2025-01"); // O4 for P9 was a bath, not a visit
        // Feb: special {P1 P3 | P9 P12}; P9 and P12 visited
        assertRatio(2, 4, 50.0, "visit_rate", CITY, "2025-02");
        assertRatio(0, 2, 0.0, "visit_rate", HUANGLOU_STREET, "2025-02");
        // Mar: special {P1 P9}: P1 by a care visit, P9 by the completed visit order O5; P11's visit is nobody's
        assertRatio(2, 2, 100.0, "visit_rate", CITY, "2025-03");
        // Apr: P1's visit order O6 was cancelled
        assertRatio(0, 2, 0.0, "visit_rate", CITY, "2025-04");
        assertRatio(0, 0, null, "visit_rate", COMMUNITY_B, "2025-04");
    }

    @Test
    void serviceOrders() {
        // Jan: O1 (P4, 1.5 h, 30), O2 (P3, 1 h, 15), O3 (P3, 2 h, 40) completed in A; O4 (P9, C) is 异常
        assertCount(3, "service_orders", COMMUNITY_A, "2025-01");
        assertCount(3, "service_orders", CITY, "2025-01");
        assertCount(0, "service_orders", VILLAGE_C, "2025-01");
        assertCount(2, "service_persons", CITY, "2025-01"); // P3 had two orders
        assertCount(4.5, "service_hours", GULOU, "2025-01");
        assertCount(85, "service_subsidy", CITY, "2025-01");
        assertRatio(1, 4, 25.0, "flagged_order_rate", CITY, "2025-01");
        assertRatio(0, 3, 0.0, "flagged_order_rate", COMMUNITY_A, "2025-01");
        assertRatio(1, 1, 100.0, "flagged_order_rate", VILLAGE_C, "2025-01");
        // Feb: no orders at all: the rate has no value
        assertRatio(0, 0, null, "flagged_order_rate", CITY, "2025-02");
        // Mar: O5 (P9, C, 1 h, 20) and O7 (P11, never registered: city level only, 0.5 h, 10)
        assertCount(1, "service_orders", VILLAGE_C, "2025-03");
        assertCount(1, "service_orders", TONGSHAN, "2025-03");
        assertCount(0, "service_orders", GULOU, "2025-03");
        assertCount(2, "service_orders", CITY, "2025-03");
        assertCount(2, "service_persons", CITY, "2025-03");
        assertCount(1.5, "service_hours", CITY, "2025-03");
        assertCount(30, "service_subsidy", CITY, "2025-03");
        assertCount(20, "service_subsidy", TONGSHAN, "2025-03");
        // Apr: O8 (P3, 1.25 h, no subsidy) completed; O6 cancelled
        assertCount(1, "service_orders", CITY, "2025-04");
        assertCount(1.25, "service_hours", COMMUNITY_A, "2025-04");
        assertCount(0, "service_subsidy", CITY, "2025-04");
        assertRatio(0, 2, 0.0, "flagged_order_rate", CITY, "2025-04");
    }

    @Test
    void longevityAllowancesAndAmountsByType() {
        // Jan: P3 100 (A); P8 500 from the city bureau and 500 from 铜山区 (C): one recipient, both payments in the
        // amount; P12 (79, C) 100 longevity_80 though not 80 yet: a recipient, but not in the coverage (pop_80 only)
        assertCount(3, "longevity_recipients", CITY, "2025-01");
        assertCount(2, "longevity_recipients", VILLAGE_C, "2025-01");
        assertCount(1200, "longevity_amount", CITY, "2025-01");
        assertCount(1100, "longevity_amount", TONGSHAN, "2025-01");
        assertRatio(2, 2, 100.0, "longevity_coverage", CITY, "2025-01");
        assertCount(0, "longevity_missed", CITY, "2025-01");
        // Feb: only P3 paid; P8 missed
        assertCount(1, "longevity_recipients", CITY, "2025-02");
        assertRatio(1, 2, 50.0, "longevity_coverage", CITY, "2025-02");
        assertRatio(0, 1, 0.0, "longevity_coverage", VILLAGE_C, "2025-02");
        assertCount(1, "longevity_missed", VILLAGE_C, "2025-02");
        assertCount(1, "longevity_missed", CITY, "2025-02");
        // Mar: P3 (A), P8 (C) and P11, whom the register does not know, paid by 铜山区 with the 6-digit code 320312:
        // P11 counts at district and city only
        assertCount(3, "longevity_recipients", CITY, "2025-03");
        assertCount(2, "longevity_recipients", TONGSHAN, "2025-03");
        assertCount(1, "longevity_recipients", TANGZHANG_TOWN, "2025-03");
        assertCount(1, "longevity_recipients", VILLAGE_C, "2025-03");
        assertCount(1, "longevity_recipients", GULOU, "2025-03");
        assertCount(700, "longevity_amount", CITY, "2025-03");
        assertCount(600, "longevity_amount", TONGSHAN, "2025-03");
        assertCount(500, "longevity_amount", TANGZHANG_TOWN, "2025-03");
        assertRatio(2, 2, 100.0, "longevity_coverage", CITY, "2025-03");
        // allowance_amount by type: Jan longevity_80 P3 100 + P12 100, centenarian 2 × 500, disability_care P12 300
        assertEquals(200.0, kpi("allowance_amount", "longevity_80", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(1000.0, kpi("allowance_amount", "centenarian", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(300.0, kpi("allowance_amount", "disability_care", VILLAGE_C, "2025-01").<Double>getAs("value"));
        assertEquals(0.0, kpi("allowance_amount", "home_care", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(1500.0, kpi("allowance_amount", CITY, "2025-01").<Double>getAs("value"));
        assertEquals(200.0, kpi("allowance_amount", "home_care", COMMUNITY_A, "2025-04").<Double>getAs("value"));
        assertEquals(800.0, kpi("allowance_amount", CITY, "2025-04").<Double>getAs("value"));
        assertEquals(100.0, kpi("allowance_amount", "longevity_80", TONGSHAN, "2025-03").<Double>getAs("value"));
    }

    @Test
    void pensionsLtcAndInsurance() {
        // pensions (P3 two schemes: 2000 + 150 = 2150 as one recipient): Jan paid P2 3000, P3 2150, P4 2200, P5 1800
        // (A) and P9 1200 (C) of pop_60 7
        assertRatio(5, 7, 500.0 / 7, "pension_coverage", CITY, "2025-01");
        assertRatio(4, 4, 100.0, "pension_coverage", COMMUNITY_A, "2025-01");
        assertRatio(10350, 5, 2070.0, "avg_pension", CITY, "2025-01");
        assertRatio(9150, 4, 2287.5, "avg_pension", COMMUNITY_A, "2025-01");
        // Feb: P4 is paid for the month he died in, but is not alive at its end: not in pop_60, not in the average
        assertRatio(4, 7, 400.0 / 7, "pension_coverage", CITY, "2025-02");
        assertRatio(8150, 4, 2037.5, "avg_pension", CITY, "2025-02");
        // Mar: P2 P3 P9 of pop_60 5; P6 (35) is paid but not elderly
        assertRatio(3, 5, 60.0, "pension_coverage", CITY, "2025-03");
        assertRatio(6350, 3, 6350.0 / 3, "avg_pension", CITY, "2025-04");
        assertRatio(0, 0, null, "avg_pension", COMMUNITY_B, "2025-04");

        // LTC: Jan P8 P12, Feb P8 P12, Mar P8, Apr P8 and P3 (not disabled)
        assertCount(2, "ltc_beneficiaries", CITY, "2025-01");
        assertCount(1, "ltc_beneficiaries", CITY, "2025-03");
        assertCount(1, "ltc_beneficiaries", COMMUNITY_A, "2025-04");
        assertCount(2, "ltc_beneficiaries", CITY, "2025-04");
        // disabled: Jan P8 P9 P12 (P9 without a benefit), Feb P8 P12, Apr P8
        assertRatio(2, 3, 200.0 / 3, "ltc_coverage", CITY, "2025-01");
        assertRatio(2, 2, 100.0, "ltc_coverage", VILLAGE_C, "2025-02");
        assertRatio(1, 1, 100.0, "ltc_coverage", CITY, "2025-04");
        assertRatio(0, 0, null, "ltc_coverage", COMMUNITY_A, "2025-04");

        // accident insurance for 2025: P2 P3 P8 P9 (P5 only for 2024; P11 not registered)
        assertRatio(4, 7, 400.0 / 7, "accident_insurance_rate", CITY, "2025-01");
        assertRatio(2, 4, 50.0, "accident_insurance_rate", COMMUNITY_A, "2025-01"); // P2 P3 of P2 P3 P4 P5
        assertRatio(4, 5, 80.0, "accident_insurance_rate", CITY, "2025-03");
        assertRatio(2, 3, 200.0 / 3, "accident_insurance_rate", GULOU, "2025-03");
        assertRatio(2, 2, 100.0, "accident_insurance_rate", TANGZHANG_TOWN, "2025-04");
    }

    @Test
    void healthManagementFromTheLatestCheckupOfTwelveMonths() {
        // Jan: 65+ {P3 P4 P5 | P8 P9 P12}; checked P8 (2025-01-15) and P9 (2024-02-10, inside Jan's window);
        // P3's checkup of 2024-01-20 is outside it
        assertRatio(2, 6, 100.0 / 3, "health_mgmt_rate", CITY, "2025-01");
        assertRatio(0, 3, 0.0, "health_mgmt_rate", COMMUNITY_A, "2025-01");
        assertRatio(2, 3, 200.0 / 3, "health_mgmt_rate", VILLAGE_C, "2025-01");
        assertRatio(1, 6, 100.0 / 6, "family_doctor_rate", CITY, "2025-01"); // P9
        assertRatio(1, 2, 50.0, "hypertension_rate", CITY, "2025-01"); // P8
        assertRatio(1, 2, 50.0, "diabetes_rate", CITY, "2025-01"); // P9
        // Feb: 65+ {P3 P5 | P8 P9 P12}; checked P5 (2025-02-03) and P8; P9's is 12 months and 18 days old;
        // P2 was checked on 2025-02-20 but is 64 until March
        assertRatio(2, 5, 40.0, "health_mgmt_rate", CITY, "2025-02");
        assertRatio(1, 2, 50.0, "health_mgmt_rate", COMMUNITY_A, "2025-02");
        assertRatio(1, 5, 20.0, "family_doctor_rate", CITY, "2025-02"); // P5
        assertRatio(1, 2, 50.0, "hypertension_rate", CITY, "2025-02"); // P8
        assertRatio(0, 2, 0.0, "diabetes_rate", CITY, "2025-02");
        // Mar: 65+ {P2 P3 | P8 P9}; checked P2 (Feb), P3 (2025-03-05), P8 (latest 2025-03-20: no hypertension now)
        assertRatio(3, 4, 75.0, "health_mgmt_rate", CITY, "2025-03");
        assertRatio(2, 2, 100.0, "health_mgmt_rate", HUANGLOU_STREET, "2025-03");
        assertRatio(1, 4, 25.0, "family_doctor_rate", CITY, "2025-03"); // P3
        assertRatio(2, 3, 200.0 / 3, "hypertension_rate", CITY, "2025-03"); // P2 P3
        assertRatio(0, 1, 0.0, "hypertension_rate", VILLAGE_C, "2025-03"); // P8's latest says no
        assertRatio(1, 3, 100.0 / 3, "diabetes_rate", CITY, "2025-04"); // P2
        assertRatio(0, 0, null, "diabetes_rate", COMMUNITY_B, "2025-04");
    }

    @Test
    void dataQualityFromTheLandingCatalog() {
        // expected (units.csv of this test): 公安 household monthly, 民政 facility monthly and living_status yearly
        // (city), 铜山区民政 allowance monthly (district). Accepted batches: household Jan Mar; facility Jan Apr;
        // living_status 2025; 铜山区 allowance Jan Mar
        assertRatio(4, 4, 100.0, "submission_rate", CITY, "2025-01");
        assertRatio(1, 4, 25.0, "submission_rate", CITY, "2025-02");
        assertRatio(3, 4, 75.0, "submission_rate", CITY, "2025-03");
        assertRatio(2, 4, 50.0, "submission_rate", CITY, "2025-04");
        assertRatio(1, 1, 100.0, "submission_rate", TONGSHAN, "2025-03");
        assertRatio(0, 1, 0.0, "submission_rate", TONGSHAN, "2025-04");
        assertRatio(0, 0, null, "submission_rate", GULOU, "2025-01"); // no unit of 鼓楼区 is expected to send
        assertFalse(kpi.containsKey("submission_rate|null|" + COMMUNITY_A + "|2025-01-01"), "city and district only");

        // reject_rate, every batch landed: household Jan 12 + 11 + 10 read (the refused one quarantined 4);
        // pension Jan 8 read, 2 quarantined. All of January: annual 2025 batches (region 10, living status 4 + 1,
        // insurance 5) + household 33 + checkups 1 + allowances 4 + 1 + pension 8 + LTC 2 + visits 2 + orders 4
        // + facilities 7 = 82 read, 6 quarantined
        Row household = kpi("reject_rate", "household", CITY, "2025-01");
        assertEquals(4.0, household.<Double>getAs("numerator"));
        assertEquals(33.0, household.<Double>getAs("denominator"));
        Row pension = kpi("reject_rate", "pension", CITY, "2025-01");
        assertEquals(2.0, pension.<Double>getAs("numerator"));
        assertEquals(25.0, pension.<Double>getAs("value"), 1e-9);
        assertRatio(6, 82, 600.0 / 82, "reject_rate", CITY, "2025-01");
        assertRatio(0, 1, 0.0, "reject_rate", TONGSHAN, "2025-01"); // 铜山区's allowance batch, 1 row
        assertRatio(0, 0, null, "reject_rate", TONGSHAN, "2025-02");

        // id_match_rate: rows of the person feeds whose person is in the snapshot in force that month.
        // Jan: allowances 5, pensions 6, LTC 2, orders 4, visits 2, checkups 1, surveys 3 (P11 unknown) = 22 of 23
        assertRatio(22, 23, 2200.0 / 23, "id_match_rate", CITY, "2025-01");
        assertRatio(1, 1, 100.0, "id_match_rate", TONGSHAN, "2025-01");
        // Feb: allowance 1, pensions 6, LTC 2, visits 2, checkups 3 (P11), survey 1, deaths of P4 2 = 16 of 17
        assertRatio(16, 17, 1600.0 / 17, "id_match_rate", CITY, "2025-02");
        // Mar: allowances 3 (P11), pensions 5, LTC 1, orders 2 (P11), visits 2 (P11), checkups 2, survey 1,
        // deaths 2 (P11) = 14 of 18; 铜山区 sent P8 and P11
        assertRatio(14, 18, 1400.0 / 18, "id_match_rate", CITY, "2025-03");
        assertRatio(1, 2, 50.0, "id_match_rate", TONGSHAN, "2025-03");
        // Apr: allowances 3, pensions 5, LTC 2, orders 2, and the 2025 insurance rows (placed at the year's latest
        // month) 5 with P11 = 16 of 17
        assertRatio(16, 17, 1600.0 / 17, "id_match_rate", CITY, "2025-04");
    }

    @Test
    void factsAttributeEveryRowAndFlagTheRegistryMatch() {
        List<Row> payments = table("fct_allowance_payment").collectAsList();
        assertEquals(12, payments.size()); // one row per accepted row: 4 + 1 + 1 + 1 + 2 + 3
        Row p11 = payments.stream().filter(r -> hmac(TestCity.P11).equals(r.getAs("person_key"))).findFirst().orElseThrow();
        assertFalse(p11.<Boolean>getAs("is_registered"));
        assertEquals(TONGSHAN, p11.getAs("region_code"));
        Row p8 = payments.stream().filter(r -> hmac(TestCity.P8).equals(r.getAs("person_key"))).findFirst().orElseThrow();
        assertTrue(p8.<Boolean>getAs("is_registered"));
        assertEquals(VILLAGE_C, p8.getAs("region_code"));
        Row o7 = table("fct_service_order").filter("order_id = 'O7'").first();
        assertEquals(CITY, o7.getAs("region_code"));
        assertEquals(0.5, o7.<Double>getAs("duration_hours"), 1e-9);
        assertTrue(List.of(table("fct_care_visit").columns()).contains("has_finding"));
        assertFalse(List.of(table("fct_care_visit").columns()).contains("finding"), "free text stays in landing");

        // fct_population_month carries the flags: P3 in February lives alone (2024 survey) and was paid
        Row p3 = table("fct_population_month")
                .filter("person_key = '" + hmac(TestCity.P3) + "' and month = date'2025-02-01'").first();
        assertEquals("alone", p3.getAs("living_arrangement"));
        assertTrue(p3.<Boolean>getAs("is_special_hardship"));
        assertTrue(p3.<Boolean>getAs("is_longevity_paid"));
        assertTrue(p3.<Boolean>getAs("is_pension_paid"));
        assertEquals(0, new java.math.BigDecimal("2150.00").compareTo(p3.getAs("pension_amount")));
        assertTrue(p3.<Boolean>getAs("is_insured"));
        assertFalse(p3.<Boolean>getAs("is_checked_12m"), "the checkup of 2024-01-20 is too old");
    }

    @Test
    void targetsComeFromTheCatalogAndTheCityFile() {
        assertEquals(55.0, kpi("nursing_bed_share", CITY, "2025-01").<Double>getAs("target"));
        assertEquals(90.0, kpi("fire_safe_rate", CITY, "2025-01").<Double>getAs("target"));
        assertNull(kpi("pop_total", CITY, "2025-01").getAs("target"));
        assertEquals(3, kpi("pop_total", GULOU, "2025-01").<Integer>getAs("region_level"));
    }

    @Test
    void everyKpiHasEveryRegionOfItsLevelsAndEveryMonth() {
        // 9 regions of levels 2–5, 4 months. 42 KPIs at every level (with improper_amount and auto_verified_rate of
        // the audit); facilities_open 7 types + total and allowance_amount 6 types + total at every level;
        // day_care_street_coverage at the 5 regions of levels 2–4; submission_rate and id_match_rate at the city and
        // its 2 districts; reject_rate there for 12 feeds + total.
        long expected = (42L * 9 + 8 * 9 + 7 * 9 + 5 + 2 * 3 + 13 * 3) * 4;
        assertEquals(expected, kpi.size());
        assertEquals(List.of("2025-01", "2025-02", "2025-03", "2025-04"),
                table("dim_month").orderBy("month").collectAsList().stream().map(r -> r.<String>getAs("label")).toList());
    }

    @Test
    void personHistoryAndNoPersonalDataOutsideTheVault() throws Exception {
        List<Row> p5 = table("dim_person").filter("person_key = '" + hmac(TestCity.P5) + "'").orderBy("valid_from").collectAsList();
        assertEquals(2, p5.size());
        assertEquals("active", p5.get(0).getAs("status"));
        assertEquals(Date.valueOf("2025-02-28"), p5.get(0).getAs("valid_to"));
        assertEquals("moved_out", p5.get(1).getAs("status"));
        assertTrue(p5.get(1).<Boolean>getAs("is_current"));
        assertEquals(0, table("dim_person").filter("person_key = '" + hmac(TestCity.P10) + "'").count());

        Path version = new VersionStore(home).currentDir().orElseThrow();
        try (var files = Files.walk(version)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(TestCity.P4), "an ID number in " + file);
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("测试四"), "a name in " + file);
            }
        }
        List<Row> vault = spark.read().parquet(home.vault().resolve("person").toString()).collectAsList();
        assertEquals(12, vault.size()); // P1–P13 but P10
        Row p4 = vault.stream().filter(r -> r.getAs("id_number").equals(TestCity.P4)).findFirst().orElseThrow();
        assertEquals(hmac(TestCity.P4), p4.getAs("person_key"));
        assertEquals("测试四", p4.getAs("name"));
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
