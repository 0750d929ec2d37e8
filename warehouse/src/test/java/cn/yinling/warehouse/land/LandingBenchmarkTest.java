package cn.yinling.warehouse.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void benchmarkLandsAGeneratedFileIntoAScratchZoneAndReportsFigures() throws Exception {
        AgingHome home = new AgingHome(dir.resolve("home"));
        BenchmarkData.landRegions(home, dir);
        Path csv = BenchmarkData.writeHouseholds(dir.resolve("household.csv"), 20_000, 7);
        var before = Fixtures.landingTree(home);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LandingBenchmark.Result result = LandingBenchmark.run(csv, home, "2024-12", "public_security:320300",
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(BatchStatus.accepted, result.report().status(), result.report()::toJson);
        assertEquals(20_000, result.rows());
        assertEquals(20_000, result.report().rowsLoaded(), result.report()::toJson);
        assertTrue(result.rowsPerSecond() > 0 && result.peakHeapBytes() > 0);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("20,000 rows"));
        // the real landing zone is untouched
        assertEquals(before, Fixtures.landingTree(home));
    }

    @Test
    void withoutRegionBatchesTheGeneratorPlansRegionFilesAreLandedIntoTheScratchZone() throws Exception {
        // the generator's layout: <out>/ingest-plan.csv, <out>/region/…, <out>/household/….csv
        Path out = dir.resolve("generated");
        java.nio.file.Files.createDirectories(out.resolve("region"));
        java.nio.file.Files.createDirectories(out.resolve("household"));
        BenchmarkData.writeRegions(out.resolve("region/regions.csv"));
        Path csv = BenchmarkData.writeHouseholds(out.resolve("household/household.csv"), 1_000, 3);
        java.nio.file.Files.writeString(out.resolve("ingest-plan.csv"), "file,feed,period,unit\n"
                + "region/regions.csv,region,2024,stats:320300\n"
                + "household/household.csv,household,2024-12,public_security:320300\n");
        AgingHome empty = new AgingHome(dir.resolve("empty-home"));
        LandingBenchmark.Result result = LandingBenchmark.run(csv, empty, "2024-12", "public_security:320300",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(BatchStatus.accepted, result.report().status(), result.report()::toJson);
        assertEquals(1_000, result.report().rowsLoaded(), result.report()::toJson);
        assertTrue(new LandingCatalog(empty).inForce("region").isEmpty(), "the home given stays without batches");
    }
}
