package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.BatchStatus;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Severity;
import cn.yinling.warehouse.land.Upload;
import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end from the generator through the real landing step: every planted bad row is rejected with the rule the
 * generator planted, nothing else is, and every batch's counts equal truth/batches.csv.
 */
class GeneratedCityLandingTest {

    @TempDir
    Path temp;

    @Test
    void everyPlantedRowIsRejectedWithItsRuleAndCountsReconcile() throws IOException {
        Path feeds = temp.resolve("feeds");
        new CityGenerator(new GeneratorOptions(0.005, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 3, false, feeds))
                .generate(ProgressListener.NONE);
        Landing landing = new Landing(new AgingHome(temp.resolve("home")), LandingOptions.defaults());

        Map<String, Set<String>> plantedByFile = new HashMap<>();
        for (String[] r : csv(feeds.resolve("truth/rejections.csv"))) {
            plantedByFile.computeIfAbsent(r[0], f -> new TreeSet<>()).add(r[1] + "|" + r[2] + "|" + r[3]);
        }
        Map<String, String[]> expectedCounts = csv(feeds.resolve("truth/batches.csv")).stream()
                .collect(Collectors.toMap(r -> r[0], r -> r));

        List<String[]> plan = csv(feeds.resolve("ingest-plan.csv"));
        long planted = 0;
        for (String[] entry : plan) {
            String file = entry[0];
            BatchReport report = landing.ingest(new Upload(entry[1], entry[2], entry[3], "test",
                    Path.of(file).getFileName().toString(), feeds.resolve(file)));
            assertEquals(BatchStatus.accepted, report.status(), file + ": " + report.fatal());
            assertEquals(report.rowsRead(), report.rowsLoaded() + report.rowsQuarantined(), file);

            String[] counts = expectedCounts.get(file);
            assertEquals(List.of(counts[4], counts[5], counts[6], counts[7]),
                    List.of(String.valueOf(report.rowsRead()), String.valueOf(report.rowsLoaded()),
                            String.valueOf(report.rowsQuarantined()), String.valueOf(report.footerRows())),
                    file + ": rows_read, rows_loaded, rows_quarantined, footer_rows");

            Set<String> rejected = new TreeSet<>();
            landing.catalog().rejections(landing.catalog().find(report.batchId()).orElseThrow(), r -> {
                if (r.severity() == Severity.error) {
                    rejected.add(r.row() + "|" + r.column() + "|" + r.rule());
                }
            });
            Set<String> expected = plantedByFile.getOrDefault(file, Set.of());
            assertEquals(expected, rejected, file + ": rejected (row|column|rule)");
            planted += expected.size();
        }
        assertTrue(planted > 100, "a meaningful number of planted rows was checked: " + planted);
        assertEquals(plantedByFile.keySet().stream().mapToLong(f -> plantedByFile.get(f).size()).sum(), planted,
                "every file named in truth/rejections.csv is in the ingest plan");
    }

    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
    }
}
