package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.datasets.CityGenerator;
import cn.yinling.datasets.GeneratorOptions;
import cn.yinling.datasets.ProgressListener;
import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.BatchStatus;
import cn.yinling.warehouse.land.Landing;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Upload;
import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a generated city: generator → real landing → ETL → published mart_kpi, compared with the
 * generator's own ground truth (truth/kpi.csv, computed from the people it simulated, not from the warehouse).
 */
class GeneratedCityEtlTest {

    @TempDir
    Path temp;

    @Test
    void publishedKpisEqualTheGeneratorsTruth() throws Exception {
        Path feeds = temp.resolve("feeds");
        new CityGenerator(new GeneratorOptions(0.002, YearMonth.of(2024, 1), YearMonth.of(2024, 3), 11, false, feeds))
                .generate(ProgressListener.NONE);
        AgingHome home = new AgingHome(temp.resolve("home"));
        Landing landing = new Landing(home, LandingOptions.defaults());
        for (String[] entry : csv(feeds.resolve("ingest-plan.csv"))) {
            BatchReport report = landing.ingest(new Upload(entry[1], entry[2], entry[3], "test",
                    Path.of(entry[0]).getFileName().toString(), feeds.resolve(entry[0])));
            assertEquals(BatchStatus.accepted, report.status(), entry[0] + ": " + report.fatal());
        }

        SparkSession spark = SharedSpark.get();
        EtlRun.Result result = new EtlRun(EtlRun.Options.defaults(home, "e2e".getBytes(StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).run(spark);
        Path version = new VersionStore(home).dir(result.version());
        Map<String, Row> published = spark.read().parquet(version.resolve("mart_kpi").toUri().toString())
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("kpi_code") + "|" + r.getAs("region_code") + "|"
                        + r.getAs("month").toString().substring(0, 7) + "|" + breakdown(r.getAs("breakdown")), r -> r));

        List<String[]> truth = csv(feeds.resolve("truth/kpi.csv"));
        assertTrue(truth.size() > 100, "truth rows: " + truth.size());
        for (String[] t : truth) {
            // kpi_code,region_code,month,numerator,denominator,breakdown (empty: the KPI's total)
            String key = t[0] + "|" + t[1] + "|" + t[2] + "|" + (t.length > 5 ? t[5] : "");
            Row row = published.get(key);
            assertTrue(row != null, "mart_kpi has no row for " + key);
            assertEquals(new BigDecimal(t[3]).doubleValue(), (Double) row.getAs("numerator"), 1e-6, key + " numerator");
            if (!t[4].isEmpty()) {
                assertEquals(new BigDecimal(t[4]).doubleValue(), (Double) row.getAs("denominator"), 1e-6,
                        key + " denominator");
            }
        }
        System.out.println("GeneratedCityEtlTest: " + truth.size() + " truth rows of "
                + truth.stream().map(t -> t[0]).distinct().count() + " KPIs equal the published mart_kpi");
    }

    private static String breakdown(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
    }
}
