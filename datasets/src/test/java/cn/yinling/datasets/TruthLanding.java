package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lands a generated folder through the real landing step in the order of its ingest-plan.csv and checks every batch
 * against the truth: accepted, rows read / loaded / quarantined / footers as truth/batches.csv says, exactly the
 * planted (row, column, rule) of truth/rejections.csv rejected, exactly the warnings of truth/warnings.csv listed.
 */
final class TruthLanding {

    /** What the landing step reported over the whole plan. */
    record Outcome(List<String[]> plan, Set<String> rulesSeen, Map<String, Integer> plantedByFeed, long planted,
            long plantedInTruth) {
    }

    private TruthLanding() {
    }

    static Outcome landAndCompare(Path feeds, Path home) throws IOException {
        Landing landing = new Landing(new AgingHome(home), LandingOptions.defaults());
        Map<String, Set<String>> plantedByFile = byFile(feeds.resolve("truth/rejections.csv"));
        Map<String, Set<String>> warnedByFile = byFile(feeds.resolve("truth/warnings.csv"));
        Map<String, String[]> expectedCounts = csv(feeds.resolve("truth/batches.csv")).stream()
                .collect(Collectors.toMap(r -> r[0], r -> r));
        Map<String, Integer> plantedByFeed = new TreeMap<>();
        Set<String> rulesSeen = new TreeSet<>();
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
            Set<String> warned = new TreeSet<>();
            landing.catalog().rejections(landing.catalog().find(report.batchId()).orElseThrow(), r -> {
                if (r.severity() == Severity.error) {
                    rejected.add(r.row() + "|" + r.column() + "|" + r.rule());
                } else if (r.severity() == Severity.warning) {
                    warned.add(r.row() + "|" + r.column() + "|" + r.rule());
                }
                if (r.severity() != Severity.fatal) {
                    rulesSeen.add(entry[1] + ":" + r.rule());
                }
            });
            Set<String> expected = plantedByFile.getOrDefault(file, Set.of());
            assertEquals(expected, rejected, file + ": rejected (row|column|rule)");
            assertEquals(warnedByFile.getOrDefault(file, Set.of()), warned, file + ": warnings (row|column|rule)");
            planted += expected.size();
            plantedByFeed.merge(entry[1], expected.size(), Integer::sum);
        }
        long inTruth = plantedByFile.values().stream().mapToLong(Set::size).sum();
        return new Outcome(plan, rulesSeen, plantedByFeed, planted, inTruth);
    }

    private static Map<String, Set<String>> byFile(Path truth) throws IOException {
        Map<String, Set<String>> byFile = new HashMap<>();
        for (String[] r : csv(truth)) {
            byFile.computeIfAbsent(r[0], f -> new TreeSet<>()).add(r[1] + "|" + r[2] + "|" + r[3]);
        }
        return byFile;
    }

    static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(SheetReader::splitCsv).toList();
    }
}
