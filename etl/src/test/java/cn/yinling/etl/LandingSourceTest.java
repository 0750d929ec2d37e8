package cn.yinling.etl;

import static cn.yinling.etl.TestCity.CIVIL;
import static cn.yinling.etl.TestCity.HEALTH;
import static cn.yinling.etl.TestCity.P4;
import static cn.yinling.etl.TestCity.P11;
import static cn.yinling.etl.TestCity.POLICE;
import static cn.yinling.etl.TestCity.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src_<feed>} holds the rows of the batches in force, each with its own batch's columns, whether the batch
 * was read by a scan of its own (large batches) or by the feed's shared scan (small ones); the data test
 * reconcile_landing_rows holds every batch to the rows its manifest declares.
 */
class LandingSourceTest {

    static final String SUPERSEDED = "20250301T100000000-5555555a";
    static final String CORRECTION = "20250305T100000000-5555555b";
    static final String AS_FOLDER = "20250302T100000000-5555555c";
    static final String MARCH = "20250401T100000000-5555555d";

    /** batch id, period, unit, death date, source: the rows in force, worked out from the batches written below. */
    static final List<String> EXPECTED = List.of(
            AS_FOLDER + " 2025-02 " + HEALTH + " 2025-02-15 certificate",
            CORRECTION + " 2025-02 " + POLICE + " 2025-02-20 registry",
            CORRECTION + " 2025-02 " + POLICE + " 2025-02-21 registry",
            MARCH + " 2025-03 " + CIVIL + " 2025-03-02 cremation");

    @TempDir
    static Path root;
    static SparkSession spark;
    static String landingUri;

    @BeforeAll
    static void land() {
        spark = SharedSpark.get();
        AgingHome home = new AgingHome(root);
        LandingFixture landing = new LandingFixture(home);
        landing.accepted("death", "2025-02", POLICE, SUPERSEDED,
                List.<Object[]>of(row(P4, null, LocalDate.of(2025, 2, 19), "registry")));
        landing.accepted("death", "2025-02", POLICE, CORRECTION, List.<Object[]>of(
                row(P4, null, LocalDate.of(2025, 2, 20), "registry"),
                row(P11, null, LocalDate.of(2025, 2, 21), "registry")));
        landing.accepted("death", "2025-02", HEALTH, AS_FOLDER,
                List.<Object[]>of(row(P4, "测试四", LocalDate.of(2025, 2, 15), "certificate")), true);
        landing.accepted("death", "2025-03", CIVIL, MARCH,
                List.<Object[]>of(row(P4, "测试四", LocalDate.of(2025, 3, 2), "cremation")));
        landingUri = home.landing().toUri().toString();
    }

    @Test
    void smallBatchesShareOneScanAndKeepTheirBatchColumns() {
        new LandingSource(spark, landingUri).registerViews();
        assertEquals(EXPECTED, deaths());
        assertEquals(List.of(), landingRowsTest());
    }

    @Test
    void largeBatchesAreReadAloneWithTheSameColumns() {
        new LandingSource(spark, landingUri, 1).registerViews();
        assertEquals(EXPECTED, deaths());
        assertEquals(List.of(), landingRowsTest());
    }

    /** A batch whose rows do not all reach src_death (here: its manifest declares one row more) fails the data test. */
    @Test
    void aBatchShortOfItsManifestsRowsFailsTheDataTest(@TempDir Path otherRoot) throws Exception {
        AgingHome home = new AgingHome(otherRoot);
        LandingFixture landing = new LandingFixture(home);
        Path batchDir = landing.accepted("death", "2025-02", POLICE, CORRECTION, List.<Object[]>of(
                row(P4, null, LocalDate.of(2025, 2, 20), "registry")));
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(batchDir.resolve("manifest.json").toFile());
        json.writeValue(batchDir.resolve("manifest.json").toFile(), manifest.put("rows_read", 2).put("rows_loaded", 2));
        landing.accepted("death", "2025-03", CIVIL, MARCH,
                List.<Object[]>of(row(P4, "测试四", LocalDate.of(2025, 3, 2), "cremation")));
        new LandingSource(spark, home.landing().toUri().toString()).registerViews();
        assertEquals(List.of(CORRECTION + " death 2 1"), landingRowsTest());
    }

    /** The failing rows of models/tests/reconcile_landing_rows.sql: batch id, feed, manifest rows, source rows. */
    private static List<String> landingRowsTest() {
        Model test = ModelCatalog.load().stream().filter(m -> m.name().equals("reconcile_landing_rows")).findFirst()
                .orElseThrow();
        return spark.sql(test.sql()).collectAsList().stream()
                .map(r -> r.getAs("batch_id") + " " + r.getAs("feed") + " " + r.getAs("manifest_rows") + " "
                        + r.getAs("source_rows"))
                .collect(Collectors.toList());
    }

    private static List<String> deaths() {
        Timestamp received = Timestamp.from(Instant.parse("2025-05-01T02:15:00.123Z"));
        return spark.sql("select * from src_death").collectAsList().stream()
                .peek(r -> assertEquals(received, r.getAs("received_at")))
                .map(r -> String.join(" ", r.<String>getAs("batch_id"), r.getAs("period"), r.getAs("unit"),
                        String.valueOf(r.<Object>getAs("death_date")), r.getAs("source")))
                .sorted()
                .collect(Collectors.toList());
    }
}
