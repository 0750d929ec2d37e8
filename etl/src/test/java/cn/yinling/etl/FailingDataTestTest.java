package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A facility registered in a region the registry does not know breaks a relationship test: nothing is published. */
class FailingDataTestTest {

    @TempDir
    Path root;

    @Test
    void aFailingDataTestPublishesNothingAndExitsNonZeroNamingTheTest() throws Exception {
        AgingHome home = new AgingHome(root);
        LandingFixture landing = new LandingFixture(home);
        landing.accepted("region", "2025", "stats:320300", "20250102T090000000-0000000a", TestCity.regions());
        landing.accepted("facility", "2025-01", TestCity.CIVIL, "20250203T100000000-4444444a", List.<Object[]>of(
                TestCity.row(TestCity.facilityCode("F1"), "无名养老院", "institution", "320399999999", 10, 5,
                        LocalDate.of(2020, 1, 1), "open", "private", true)));

        // EtlMain runs in the session that exists, as under a notebook: starting and stopping a Spark of its own here
        // would cost the suite seconds and nothing the crash test's child JVM does not already show
        SharedSpark.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EtlMain.run(new String[] {"--home", root.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AGING_SECRET", "s"));

        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, message);
        assertTrue(message.contains("数据测试未通过"), message);
        assertTrue(message.contains("Data tests failed"), message);
        assertTrue(message.contains("relationships_fct_facility_month_region"), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        VersionStore store = new VersionStore(home);
        assertTrue(store.current().isEmpty());
        assertEquals(List.of(), store.versions());
        try (Stream<Path> entries = Files.list(store.versionsDir())) {
            assertEquals(0, entries.count(), "the staging folder is removed");
        }
        assertTrue(Files.notExists(home.currentPointer()));
    }
}
