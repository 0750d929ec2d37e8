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
        TestCity.write(new LandingFixture(spark, home));
        Files.createDirectories(home.config());
        Files.writeString(home.config().resolve("targets.properties"), "fire_safe_rate=90\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EtlRun.Options options = EtlRun.Options.defaults(home, SECRET.getBytes(StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new EtlRun(options).run(spark);
        progress = err.toString(StandardCharsets.UTF_8);
        System.out.println(progress);
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
        // region 1, household 2 (the correction in force and March), death 4, facility 2
        assertEquals(9, lineage.get("batches").size());
        assertTrue(lineage.toString().contains("20250210T090000000-1111111b"));
        assertFalse(lineage.toString().contains("20250205T100000000-1111111a"), "the superseded batch is not in force");
        assertEquals(lineage.get("tests_run").asInt(), lineage.get("tests_passed").asInt());
        assertTrue(lineage.get("tests_run").asInt() >= 20);
        // the January correction (11 rows) and March (11 rows); the superseded batch had 12
        assertEquals(22, lineage.get("models").get("stg_household").get("rows_out").asLong());
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

    @Test
    void targetsComeFromTheCatalogAndTheCityFile() {
        assertEquals(55.0, kpi("nursing_bed_share", CITY, "2025-01").<Double>getAs("target"));
        assertEquals(90.0, kpi("fire_safe_rate", CITY, "2025-01").<Double>getAs("target"));
        assertNull(kpi("pop_total", CITY, "2025-01").getAs("target"));
        assertEquals(3, kpi("pop_total", GULOU, "2025-01").<Integer>getAs("region_level"));
    }

    @Test
    void everyKpiHasEveryRegionOfItsLevelsAndEveryMonth() {
        // 9 regions of levels 2–5; 4 months; facilities_open has 7 types + total; day_care_street has 5 regions
        long expected = (17L * 9 + 8 * 9 + 5) * 4;
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
