package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny city (scale 0.002, a year of months); and two short runs with the same seed that must agree byte for byte. */
class CityGeneratorTest {

    @TempDir
    static Path tmp;
    static Path first;
    static GenerationSummary summary;
    static TruthVerifier truth;

    @BeforeAll
    static void generate() throws IOException {
        first = tmp.resolve("a");
        GeneratorOptions options = new GeneratorOptions(0.002, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 7, false, first);
        List<String> labels = new ArrayList<>();
        summary = new CityGenerator(options).generate((label, done, total) -> labels.add(label));
        truth = new TruthVerifier(first);
        assertTrue(labels.contains("户籍人口 2024-12"), "progress reported per snapshot");
    }

    static final List<String> FEEDS = List.of("region", "facility", "household", "death", "living_status",
            "accident_insurance", "allowance", "pension", "health_checkup", "ltc_benefit", "service_order", "care_visit");

    private static List<String> feedFiles(Path out) throws IOException {
        List<String> files = new ArrayList<>();
        for (String feed : FEEDS) {
            try (Stream<Path> s = Files.list(out.resolve(feed))) {
                s.forEach(p -> files.add(feed + "/" + p.getFileName()));
            }
        }
        return files;
    }

    /** Two months across a year end, so that every feed (the annual ones twice) is compared. */
    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        Path one = tmp.resolve("c");
        Path second = tmp.resolve("d");
        for (Path out : List.of(one, second)) {
            new CityGenerator(new GeneratorOptions(0.002, YearMonth.of(2024, 12), YearMonth.of(2025, 1), 7, false, out))
                    .generate(ProgressListener.NONE);
        }
        List<String> a = feedFiles(one);
        assertEquals(new TreeSet<>(a), new TreeSet<>(feedFiles(second)));
        for (String f : a) {
            if (f.endsWith(".csv")) {
                assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
            } else {
                assertEquals(sheetXml(one.resolve(f)), sheetXml(second.resolve(f)), f);
            }
        }
        // a month: facility, household, 3 death, 3 allowance, pension, checkup, LTC, orders, 3 visits; a year: region,
        // 3 living-status surveys, the insurance list
        assertEquals(2 * 15 + 2 * 5, a.size(), "two months and two years of every feed");
        for (String f : List.of("ingest-plan.csv", "truth/rejections.csv", "truth/warnings.csv", "truth/batches.csv",
                "truth/kpi.csv", "truth/calibration.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
        }
    }

    private static String sheetXml(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (String name : List.of("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml")) {
                ZipEntry e = zip.getEntry(name);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        sb.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void ingestPlanCoversEveryFileInOrder() throws IOException {
        List<String[]> plan = TruthVerifier.csv(first.resolve("ingest-plan.csv"));
        List<String> planned = plan.stream().map(r -> r[0]).toList();
        assertEquals(new TreeSet<>(feedFiles(first)), new TreeSet<>(planned), "every file planned");
        assertEquals(planned.size(), new HashSet<>(planned).size(), "each file once");
        // 1 region + 12 facility + 12 household + 36 death + 36 allowance + 12 pension + 12 checkup + 12 LTC
        // + 12 orders + 36 visits, and for the year: 3 living-status surveys and 1 insurance list
        assertEquals(1 + 12 + 12 + 36 + 36 + 12 + 12 + 12 + 12 + 36 + 3 + 1, planned.size());
        assertEquals(List.of("region", "2024", "stats:320300"), List.of(plan.get(0)[1], plan.get(0)[2], plan.get(0)[3]));
        // month by month: the facility registry before the orders naming providers, the household snapshot before
        // the person feeds checked against it; the annual batches after January's snapshot
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i)[1] + "/" + plan.get(i)[2] + "/" + plan.get(i)[3], i);
        }
        int januaryHousehold = position.get("household/2024-01/public_security:320300");
        for (String annual : List.of("living_status/2024/aging_office:320300", "living_status/2024/civil_affairs:320312",
                "living_status/2024/civil_affairs:320382", "accident_insurance/2024/aging_office:320300")) {
            assertTrue(position.get(annual) > januaryHousehold, annual);
            assertTrue(position.get(annual) < position.get("household/2024-02/public_security:320300"), annual);
        }
        for (String[] r : plan) {
            if (r[2].length() == 7) {
                int at = position.get(r[1] + "/" + r[2] + "/" + r[3]);
                if (!r[1].equals("facility")) {
                    assertTrue(at > position.get("facility/" + r[2] + "/civil_affairs:320300"), String.join(",", r));
                }
                if (!r[1].equals("facility") && !r[1].equals("household")) {
                    assertTrue(at > position.get("household/" + r[2] + "/public_security:320300"), String.join(",", r));
                }
                if (!r[2].equals("2024-01")) {
                    String before = r[2].substring(0, 5) + String.format("%02d", Integer.parseInt(r[2].substring(5)) - 1);
                    assertTrue(at > position.get("care_visit/" + before + "/civil_affairs:320382"), "by month");
                }
            }
        }
        Map<String, Set<String>> unitsByFeed = new HashMap<>();
        Map<String, Set<String>> periodsByFeedUnit = new HashMap<>();
        for (String[] r : plan) {
            unitsByFeed.computeIfAbsent(r[1], k -> new TreeSet<>()).add(r[3]);
            periodsByFeedUnit.computeIfAbsent(r[1] + " " + r[3], k -> new TreeSet<>()).add(r[2]);
        }
        Set<String> cityCivilAffairsAndDistricts = Set.of("civil_affairs:320300", "civil_affairs:320312",
                "civil_affairs:320382");
        assertEquals(Set.of("public_security:320300", "health:320300", "civil_affairs:320300"), unitsByFeed.get("death"));
        assertEquals(Set.of("public_security:320300"), unitsByFeed.get("household"));
        assertEquals(Set.of("civil_affairs:320300"), unitsByFeed.get("facility"));
        assertEquals(cityCivilAffairsAndDistricts, unitsByFeed.get("allowance"));
        assertEquals(cityCivilAffairsAndDistricts, unitsByFeed.get("care_visit"));
        assertEquals(Set.of("civil_affairs:320300"), unitsByFeed.get("service_order"));
        assertEquals(Set.of("aging_office:320300", "civil_affairs:320312", "civil_affairs:320382"),
                unitsByFeed.get("living_status"));
        assertEquals(Set.of("aging_office:320300"), unitsByFeed.get("accident_insurance"));
        assertEquals(Set.of("human_resources:320300"), unitsByFeed.get("pension"));
        assertEquals(Set.of("medical_insurance:320300"), unitsByFeed.get("ltc_benefit"));
        assertEquals(Set.of("health:320300"), unitsByFeed.get("health_checkup"));
        periodsByFeedUnit.forEach((feedUnit, periods) -> assertEquals(
                feedUnit.startsWith("region") || feedUnit.startsWith("living_status")
                        || feedUnit.startsWith("accident_insurance") ? 1 : 12, periods.size(), feedUnit));
    }

    /**
     * The default units.csv shipped for the synthetic city names exactly the units the generator sends from, each with
     * exactly the feeds it sends.
     */
    @Test
    void shippedUnitsFileMatchesTheIngestPlan() throws IOException {
        Map<String, Set<String>> planned = new java.util.TreeMap<>();
        for (String[] r : TruthVerifier.csv(first.resolve("ingest-plan.csv"))) {
            planned.computeIfAbsent(r[3], k -> new TreeSet<>()).add(r[1]);
        }
        Map<String, Set<String>> shipped = new java.util.TreeMap<>();
        try (InputStream in = CityGeneratorTest.class.getResourceAsStream("/cn/yinling/warehouse/config/units.csv")) {
            assertNotNull(in, "units.csv on the class path");
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            assertEquals("unit,name,expected_feeds,deadline_day", lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                assertEquals(4, c.length, line);
                assertTrue(c[1].endsWith("局") || c[1].endsWith("委员会") || c[1].endsWith("办公室"), c[1]);
                assertEquals("10", c[3]);
                shipped.put(c[0], new TreeSet<>(List.of(c[2].split(";"))));
            }
        }
        assertEquals(planned, shipped);
    }

    @Test
    void filesAgreeWithTheTruthAndPlantedRowsBreakExactlyTheirRule() throws IOException {
        truth.verifyAll();
        assertEquals(summary.plantedRows(), truth.rejections.size());
        assertTrue(truth.cleanIdsChecked > 200_000, "clean ID numbers verified: " + truth.cleanIdsChecked);
        // every household rule is planted somewhere in a year of snapshots
        for (String rule : List.of("ID_CHECKSUM", "ID_FORMAT", "SEX_MISMATCH", "BIRTH_MISMATCH", "REGION_UNKNOWN",
                "CODE_UNKNOWN", "STATUS_DATE_REQUIRED", "REQUIRED", "DUPLICATE_KEY")) {
            assertTrue(truth.plantedByRule.getOrDefault(rule, 0) > 0, rule + " planted");
        }
        long rows = truth.batches.stream().filter(b -> b.feed().equals("household")).mapToLong(TruthVerifier.Batch::read).sum();
        double share = truth.rejections.stream().filter(r -> r.file().startsWith("household/")).count() / (double) rows;
        assertTrue(share > 0.002 && share < 0.004, "about 0.3 % planted: " + share);
    }

    @Test
    void formatsAreMixed() throws IOException {
        Set<String> encodings = new HashSet<>();
        for (String f : feedFiles(first)) {
            if (f.endsWith(".csv")) {
                encodings.add(SheetReader.encoding(first.resolve(f)));
            }
        }
        assertEquals(Set.of("UTF-8", "UTF-8 BOM", "GB18030"), encodings);
        for (String feed : FEEDS) {
            // the platform and the social-security system export CSV only
            if (!feed.equals("service_order") && !feed.equals("pension")) {
                assertTrue(feedFiles(first).stream().anyMatch(f -> f.startsWith(feed + "/") && f.endsWith(".xlsx")),
                        feed + " has an Excel file");
            }
        }
        // hardship lists written with each of the four separators of spec/feeds.md
        Set<String> separators = new TreeSet<>();
        for (String[] row : SheetReader.read(first.resolve("living_status/徐州市老年人居住状况调查_2024.csv"))) {
            if (row.length == 4) {
                row[3].chars().filter(ch -> "、,，;".indexOf(ch) >= 0).forEach(ch -> separators.add(String.valueOf((char) ch)));
            }
        }
        assertEquals(Set.of("、", ",", "，", ";"), separators);
        List<String[]> december = SheetReader.read(first.resolve("household/徐州市户籍人口信息表_202412.xlsx"));
        assertEquals("徐州市2024年12月户籍人口信息表", december.get(0)[0]);
        assertTrue(december.get(1)[0].startsWith("填报单位："));
        assertTrue(december.get(december.size() - 2)[0].startsWith("合计"));
        assertTrue(december.get(december.size() - 1)[0].startsWith("制表人："));
        String all = String.join("\n", Files.readAllLines(first.resolve("household/户籍人口_202401.csv")));
        assertTrue(all.chars().anyMatch(ch -> ch >= '０' && ch <= '９'), "some full-width digits");
        assertTrue(december.stream().anyMatch(r -> r.length > 0 && r[0].matches("\\d{15}")), "legacy 15-digit IDs");
    }

    @Test
    void facilitiesOfEveryTypePresent() throws IOException {
        Set<String> types = new HashSet<>();
        for (String[] row : SheetReader.read(first.resolve("facility/徐州市养老服务设施统计表_202401.xlsx"))) {
            if (row.length > 3) {
                types.add(row[3]);
            }
        }
        assertTrue(types.containsAll(List.of("养老机构", "街道日间照料中心", "社区居家养老服务中心", "老年助餐点", "社区食堂",
                "农村互助养老睦邻点", "老年关爱之家")), types.toString());
    }

    /**
     * Recomputes the June population KPIs of the city from the files alone (accepted household rows of the June
     * snapshot, accepted death rows up to June) and compares them with truth/kpi.csv.
     */
    @Test
    void kpiTruthMatchesWhatTheFilesSay() throws IOException {
        LocalDate monthEnd = LocalDate.of(2024, 6, 30);
        Map<String, LocalDate> firstDeath = new HashMap<>();
        for (TruthVerifier.Batch b : truth.batches) {
            if (!b.feed().equals("death") || b.period().compareTo("2024-06") > 0) {
                continue;
            }
            Set<Integer> bad = truth.rejectionsOf(b.file()).keySet();
            for (TruthVerifier.DataRow row : truth.dataRows(b, new long[1])) {
                if (!bad.contains(row.row())) {
                    String id = FileCheck.validId(row.cells().get("id_number"));
                    firstDeath.merge(id, FileCheck.date(row.cells().get("death_date")), (x, y) -> x.isBefore(y) ? x : y);
                }
            }
        }
        TruthVerifier.Batch june = truth.batches.stream()
                .filter(b -> b.feed().equals("household") && b.period().equals("2024-06")).findFirst().orElseThrow();
        Set<Integer> bad = truth.rejectionsOf(june.file()).keySet();
        long total = 0;
        long p60 = 0;
        long p80 = 0;
        Map<String, String> registered = new HashMap<>();
        for (TruthVerifier.DataRow row : truth.dataRows(june, new long[1])) {
            if (bad.contains(row.row())) {
                continue;
            }
            String id = FileCheck.validId(row.cells().get("id_number"));
            registered.put(id, row.cells().get("region_code"));
            LocalDate died = firstDeath.get(id);
            if (!row.cells().get("status").equals("正常") || died != null && !died.isAfter(monthEnd)) {
                continue;
            }
            LocalDate birth = FileCheck.birthOfId(id);
            int age = java.time.Period.between(birth, monthEnd).getYears();
            total++;
            p60 += age >= 60 ? 1 : 0;
            p80 += age >= 80 ? 1 : 0;
        }
        long deaths60 = firstDeath.entrySet().stream()
                .filter(e -> e.getValue().getMonthValue() == 6
                        && java.time.Period.between(FileCheck.birthOfId(e.getKey()), monthEnd).getYears() >= 60)
                .count();
        Map<String, String> kpi = kpi(first, "320300000000", "2024-06");
        assertEquals(Long.toString(total), kpi.get("pop_total"));
        assertEquals(Long.toString(p60), kpi.get("pop_60"));
        assertEquals(Long.toString(p80), kpi.get("pop_80"));
        assertEquals(Long.toString(deaths60), kpi.get("elderly_deaths"));
        assertTrue(total > 19_000 && total < 22_000, "about 20,800 people at scale 0.002: " + total);
        assertNotNull(registered);
        // districts add up to the city
        long sum = 0;
        for (RegionRegistry.Region d : RegionRegistry.load().districts()) {
            sum += Long.parseLong(kpi(first, d.code12(), "2024-06").get("pop_total"));
        }
        assertEquals(total, sum);
    }

    /** Accepted data rows of the files of a feed and period (planted rows left out), as the landing step loads them. */
    private static List<Map<String, String>> accepted(String feed, String period) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (TruthVerifier.Batch b : truth.batches) {
            if (b.feed().equals(feed) && b.period().equals(period)) {
                Set<Integer> bad = truth.rejectionsOf(b.file()).keySet();
                for (TruthVerifier.DataRow row : truth.dataRows(b, new long[1])) {
                    if (!bad.contains(row.row())) {
                        rows.add(row.cells());
                    }
                }
            }
        }
        return rows;
    }

    /** Yuan as fen from 3,124.37 / 50元 / 50 / 50.5. */
    private static long fen(String amount) {
        return new java.math.BigDecimal(FileCheck.nfkc(amount).replace(",", "").replace("元", "")).movePointRight(2)
                .longValueExact();
    }

    /** Minutes from midnight of a date-time cell (… 9:30, … 09:30, … 09:30:00). */
    private static int minuteOfDay(String dateTime) {
        String[] hm = dateTime.trim().split(" ")[1].split(":");
        return Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
    }

    /**
     * Recomputes the city's June KPIs of the person feeds from the files alone, as kpis.md defines them, and compares
     * them with truth/kpi.csv: who is alive and 60+ from the June household snapshot and the death records, then each
     * feed's accepted rows of the month (or of the year, or of the last 12 months).
     */
    @Test
    void personKpiTruthMatchesWhatTheFilesSay() throws IOException {
        LocalDate monthEnd = LocalDate.of(2024, 6, 30);
        Map<String, LocalDate> firstDeath = new HashMap<>();
        for (int m = 1; m <= 6; m++) {
            for (Map<String, String> row : accepted("death", "2024-0" + m)) {
                firstDeath.merge(FileCheck.validId(row.get("id_number")), FileCheck.date(row.get("death_date")),
                        (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        Map<String, Integer> ageOfAlive = new HashMap<>();
        for (Map<String, String> row : accepted("household", "2024-06")) {
            String id = FileCheck.validId(row.get("id_number"));
            LocalDate died = firstDeath.get(id);
            if (row.get("status").equals("正常") && (died == null || died.isAfter(monthEnd))) {
                ageOfAlive.put(id, java.time.Period.between(FileCheck.birthOfId(id), monthEnd).getYears());
            }
        }
        java.util.function.Predicate<String> pop60 = id -> ageOfAlive.getOrDefault(id, 0) >= 60;
        long p60 = ageOfAlive.values().stream().filter(a -> a >= 60).count();
        long p65 = ageOfAlive.values().stream().filter(a -> a >= 65).count();
        long p80 = ageOfAlive.values().stream().filter(a -> a >= 80).count();
        Map<String, String> kpi = kpi(first, RegionRegistry.CITY_CODE, "2024-06");
        Map<String, String> den = denominators(first, RegionRegistry.CITY_CODE, "2024-06");

        // allowances: longevity recipients (distinct persons) and amounts; coverage of the alive 80+
        Set<String> longevity = new HashSet<>();
        long longevityFen = 0;
        Map<String, Long> byType = new java.util.TreeMap<>();
        for (Map<String, String> row : accepted("allowance", "2024-06")) {
            String id = FileCheck.validId(row.get("id_number"));
            long amount = fen(row.get("amount"));
            byType.merge(row.get("allowance_type"), amount, Long::sum);
            if (row.get("allowance_type").startsWith("高龄津贴") || row.get("allowance_type").equals("百岁老人长寿补贴")) {
                longevity.add(id);
                longevityFen += amount;
            }
        }
        assertEquals(Long.toString(longevity.size()), kpi.get("longevity_recipients"));
        assertEquals(java.math.BigDecimal.valueOf(longevityFen, 2).toPlainString(), kpi.get("longevity_amount"));
        long paid80 = longevity.stream().filter(id -> ageOfAlive.getOrDefault(id, 0) >= 80).count();
        assertEquals(paid80 + "/" + p80, kpi.get("longevity_coverage") + "/" + den.get("longevity_coverage"));
        assertEquals(Long.toString(p80 - paid80), kpi.get("longevity_missed"));
        assertEquals(java.math.BigDecimal.valueOf(byType.get("失能老人护理补贴"), 2).toPlainString(),
                kpiOf(first, "allowance_amount", "disability_care", "2024-06"));

        // pensions of the alive 60+
        long pensioners = 0;
        long pensionFen = 0;
        for (Map<String, String> row : accepted("pension", "2024-06")) {
            String id = FileCheck.validId(row.get("id_number"));
            if (pop60.test(id)) {
                pensioners++;
                pensionFen += fen(row.get("amount"));
            }
        }
        assertEquals(pensioners + "/" + p60, kpi.get("pension_coverage") + "/" + den.get("pension_coverage"));
        assertEquals(java.math.BigDecimal.valueOf(pensionFen, 2).toPlainString(), kpi.get("avg_pension"));

        // insured for the year
        long insured = accepted("accident_insurance", "2024").stream()
                .map(r -> FileCheck.validId(r.get("id_number"))).filter(pop60).count();
        assertEquals(insured + "/" + p60, kpi.get("accident_insurance_rate") + "/" + den.get("accident_insurance_rate"));

        // living status in force (the January survey), special hardship and the month's visits
        Map<String, Map<String, String>> survey = new HashMap<>();
        for (Map<String, String> row : accepted("living_status", "2024")) {
            survey.put(FileCheck.validId(row.get("id_number")), row);
        }
        Set<String> visited = new HashSet<>();
        for (Map<String, String> row : accepted("care_visit", "2024-06")) {
            visited.add(FileCheck.validId(row.get("id_number")));
        }
        long completedOrders = 0;
        long minutes = 0;
        long flagged = 0;
        long allOrders = 0;
        // 异常工单: status 异常, or an order the audit rules must flag (truth/audit.csv names it)
        Set<String> auditOrders = new HashSet<>();
        for (String[] r : TruthVerifier.csv(first.resolve("truth/audit.csv"))) {
            if (!r[3].isEmpty()) {
                auditOrders.add(r[3]);
            }
        }
        for (Map<String, String> row : accepted("service_order", "2024-06")) {
            allOrders++;
            flagged += row.get("status").equals("异常") || auditOrders.contains(row.get("order_id")) ? 1 : 0;
            if (row.get("status").equals("已完成")) {
                completedOrders++;
                minutes += minuteOfDay(row.get("end_time")) - minuteOfDay(row.get("start_time"));
                if (row.get("service_type").equals("探访关爱")) {
                    visited.add(FileCheck.validId(row.get("id_number")));
                }
            }
        }
        long alone = 0;
        long special = 0;
        long specialVisited = 0;
        for (Map.Entry<String, Map<String, String>> e : survey.entrySet()) {
            if (!pop60.test(e.getKey())) {
                continue;
            }
            String arrangement = e.getValue().get("living_arrangement");
            String hardship = e.getValue().get("hardship");
            alone += arrangement.equals("独居") ? 1 : 0;
            boolean isSpecial = arrangement.equals("独居") || arrangement.equals("空巢")
                    || !(hardship.isEmpty() || hardship.equals("无"));
            special += isSpecial ? 1 : 0;
            specialVisited += isSpecial && visited.contains(e.getKey()) ? 1 : 0;
        }
        assertEquals(Long.toString(alone), kpi.get("living_alone"));
        assertEquals(Long.toString(special), kpi.get("special_hardship"));
        assertEquals(specialVisited + "/" + special, kpi.get("visit_rate") + "/" + den.get("visit_rate"));
        assertEquals(Long.toString(completedOrders), kpi.get("service_orders"));
        assertEquals(java.math.BigDecimal.valueOf((minutes * 100 + 30) / 60, 2).toPlainString(), kpi.get("service_hours"));
        assertEquals(flagged + "/" + allOrders, kpi.get("flagged_order_rate") + "/" + den.get("flagged_order_rate"));

        // checkups of the last 12 months (January to June here) of the alive 65+, the latest one's answers
        Map<String, Map<String, String>> latest = new HashMap<>();
        for (int m = 1; m <= 6; m++) {
            for (Map<String, String> row : accepted("health_checkup", "2024-0" + m)) {
                latest.put(FileCheck.validId(row.get("id_number")), row);
            }
        }
        long checked = latest.keySet().stream().filter(id -> ageOfAlive.getOrDefault(id, 0) >= 65).count();
        assertEquals(checked + "/" + p65, kpi.get("health_mgmt_rate") + "/" + den.get("health_mgmt_rate"));
        long hypertension = latest.entrySet().stream().filter(e -> ageOfAlive.getOrDefault(e.getKey(), 0) >= 65)
                .filter(e -> Set.of("是", "Y", "1").contains(e.getValue().get("hypertension"))).count();
        assertEquals(hypertension + "/" + checked, kpi.get("hypertension_rate") + "/" + den.get("hypertension_rate"));
        long disabled = ageOfAlive.keySet().stream().filter(pop60).filter(id -> {
            Map<String, String> c = latest.get(id);
            Map<String, String> ls = survey.get(id);
            boolean bySelfCare = c != null && Set.of("不能自理", "中度依赖").contains(c.get("self_care"));
            boolean byHardship = ls != null && List.of(ls.get("hardship").split("[、,，;]")).contains("失能");
            return bySelfCare || byHardship;
        }).count();
        assertEquals(Long.toString(disabled), kpi.get("disabled_elderly"));

        // LTC beneficiaries of the month, distinct persons
        long ltc = accepted("ltc_benefit", "2024-06").stream().map(r -> FileCheck.validId(r.get("id_number")))
                .distinct().count();
        assertEquals(Long.toString(ltc), kpi.get("ltc_beneficiaries"));
        assertTrue(special > 0 && completedOrders > 0 && ltc > 0 && insured > 0 && checked > 0, "a meaningful month");
    }

    /**
     * truth/audit.csv names every rule, and each case is in the files as the rule needs it: the allowance row (after a
     * death or a move, of the wrong tier, twice for one type, home care to an institution resident) or the pension
     * row in the month's file; the order of A03, A08, A09 in the month's order file; for A06 no longevity row at all.
     * A near miss is never also a case.
     */
    @Test
    void auditCasesAreInTheFeeds() throws IOException {
        List<String[]> cases = TruthVerifier.csv(first.resolve("truth/audit.csv"));
        Set<String> rules = new TreeSet<>();
        Set<String> keys = new HashSet<>();
        for (String[] c : cases) {
            String rule = c[0];
            String month = c[1];
            String id = c[2];
            String order = c[3];
            rules.add(rule);
            keys.add(rule + "|" + month + "|" + id + "|" + order);
            String what = String.join(",", c);
            switch (rule) {
                case "A02" -> assertTrue(idsOf(accepted("pension", month)).contains(id), what);
                case "A03", "A08", "A09" -> assertTrue(accepted("service_order", month).stream().anyMatch(
                        r -> r.get("order_id").equals(order) && id.equals(FileCheck.validId(r.get("id_number")))), what);
                case "A06" -> assertFalse(accepted("allowance", month).stream().anyMatch(
                        r -> id.equals(FileCheck.validId(r.get("id_number"))) && isLongevity(r)), what);
                case "A05" -> assertEquals(2, accepted("allowance", month).stream().filter(
                        r -> id.equals(FileCheck.validId(r.get("id_number"))) && isLongevity(r)).count(), what);
                default -> assertTrue(idsOf(accepted("allowance", month)).contains(id), what);
            }
        }
        assertEquals(Set.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10"), rules);
        List<String[]> nearMisses = TruthVerifier.csv(first.resolve("truth/audit_near_misses.csv"));
        Set<String> nearMissRules = new TreeSet<>();
        for (String[] n : nearMisses) {
            nearMissRules.add(n[0]);
            assertFalse(keys.contains(n[0] + "|" + n[1] + "|" + n[2] + "|" + n[3]), String.join(",", n));
        }
        assertEquals(rules, nearMissRules, "a near miss of every rule");
    }

    private static Set<String> idsOf(List<Map<String, String>> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(FileCheck.validId(r.get("id_number"))));
        return ids;
    }

    private static boolean isLongevity(Map<String, String> row) {
        return row.get("allowance_type").startsWith("高龄津贴") || row.get("allowance_type").equals("百岁老人长寿补贴");
    }

    static Map<String, String> denominators(Path out, String region, String month) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String[] r : TruthVerifier.csv(out.resolve("truth/kpi.csv"))) {
            if (r[1].equals(region) && r[2].equals(month)) {
                m.put(r[0], r[4]);
            }
        }
        return m;
    }

    static String kpiOf(Path out, String code, String breakdown, String month) throws IOException {
        for (String[] r : TruthVerifier.csv(out.resolve("truth/kpi.csv"))) {
            if (r[0].equals(code) && r[1].equals(RegionRegistry.CITY_CODE) && r[2].equals(month)
                    && r[5].equals(breakdown)) {
                return r[3];
            }
        }
        throw new AssertionError(code + " " + breakdown);
    }

    static Map<String, String> kpi(Path out, String region, String month) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String[] r : TruthVerifier.csv(out.resolve("truth/kpi.csv"))) {
            if (r[1].equals(region) && r[2].equals(month)) {
                m.put(r[0], r[3]);
            }
        }
        assertFalse(m.isEmpty(), "kpi rows for " + region + " " + month);
        return m;
    }
}
