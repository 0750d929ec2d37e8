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

/** A tiny city (scale 0.002, a year of months) generated twice with the same seed. */
class CityGeneratorTest {

    @TempDir
    static Path tmp;
    static Path first;
    static Path second;
    static GenerationSummary summary;
    static TruthVerifier truth;

    @BeforeAll
    static void generate() throws IOException {
        first = tmp.resolve("a");
        second = tmp.resolve("b");
        GeneratorOptions options = new GeneratorOptions(0.002, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 7, false, first);
        List<String> labels = new ArrayList<>();
        summary = new CityGenerator(options).generate((label, done, total) -> labels.add(label));
        new CityGenerator(new GeneratorOptions(0.002, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 7, false, second))
                .generate(ProgressListener.NONE);
        truth = new TruthVerifier(first);
        assertTrue(labels.contains("户籍人口 2024-12"), "progress reported per snapshot");
    }

    private static List<String> feedFiles(Path out) throws IOException {
        List<String> files = new ArrayList<>();
        for (String feed : List.of("region", "facility", "household", "death")) {
            try (Stream<Path> s = Files.list(out.resolve(feed))) {
                s.forEach(p -> files.add(feed + "/" + p.getFileName()));
            }
        }
        return files;
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        List<String> a = feedFiles(first);
        assertEquals(new TreeSet<>(a), new TreeSet<>(feedFiles(second)));
        for (String f : a) {
            if (f.endsWith(".csv")) {
                assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
            } else {
                assertEquals(sheetXml(first.resolve(f)), sheetXml(second.resolve(f)), f);
            }
        }
        for (String f : List.of("ingest-plan.csv", "truth/rejections.csv", "truth/batches.csv", "truth/kpi.csv")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
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
        assertEquals(61, planned.size(), "1 region + 12 facility + 12 household + 36 death");
        assertEquals(List.of("region", "2024", "stats:320300"), List.of(plan.get(0)[1], plan.get(0)[2], plan.get(0)[3]));
        List<String> feedOrder = List.of("facility", "household", "death");
        for (int i = 2; i < plan.size(); i++) {
            String[] prev = plan.get(i - 1);
            String[] cur = plan.get(i);
            int byPeriod = prev[2].compareTo(cur[2]);
            assertTrue(byPeriod < 0 || byPeriod == 0 && feedOrder.indexOf(prev[1]) <= feedOrder.indexOf(cur[1]),
                    "order at line " + (i + 2));
        }
        Map<String, Set<String>> deathUnits = new HashMap<>();
        for (String[] r : plan) {
            if (r[1].equals("death")) {
                deathUnits.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[3]);
            }
            if (r[1].equals("household")) {
                assertEquals("public_security:320300", r[3]);
            }
            if (r[1].equals("facility")) {
                assertEquals("civil_affairs:320300", r[3]);
            }
        }
        assertEquals(12, deathUnits.size());
        deathUnits.values().forEach(units -> assertEquals(
                Set.of("public_security:320300", "health:320300", "civil_affairs:320300"), units));
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
