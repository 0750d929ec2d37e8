package cn.yinling.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pinned version stays the same for the whole of the work, even when a newer one is published meanwhile. */
class PinnedVersionTest {

    @TempDir
    Path home;

    static double cityPopulationDecember(PinnedVersion pinned) {
        return pinned.jdbi().withExtension(KpiQueries.class,
                q -> q.rows("2024-12", "2024-12", "320300000000", 2, "pop_total")).get(0).value();
    }

    @Test
    void theWorkReadsOneVersionAndKnowsWhichOne() {
        PublishedVersionFixture fixture = new PublishedVersionFixture(home);
        fixture.publish(1, "mart_kpi_v1.sql");
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ZERO)) {
            String seen = reader.withPinnedVersion(pinned -> {
                double before = cityPopulationDecember(pinned);
                fixture.publish(2, "mart_kpi_v2.sql");
                reader.refresh();
                // v1 says 1010 for the city in 2024-12, v2 says 2222: the pinned work still reads v1
                return pinned.number() + " " + pinned.version().directory().getFileName() + " " + before + " "
                        + cityPopulationDecember(pinned);
            });

            assertEquals("1 1 1010.0 1010.0", seen);
            assertEquals(2, reader.withPinnedVersion(PinnedVersion::number));
            assertEquals(2222.0, reader.withPinnedVersion(PinnedVersionTest::cityPopulationDecember));
        }
    }
}
