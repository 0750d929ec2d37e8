package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Death and facility files are too small at tiny scales to carry planted rows; here each feed is written alone at a
 * scale where it does, and every file is checked against the truth.
 */
class FeedPlantingTest {

    private static GenerationContext context(Path out, double populationScale, double facilityScale) {
        RegionRegistry regions = RegionRegistry.load();
        Timeline time = new Timeline(YearMonth.of(2024, 1), YearMonth.of(2024, 12));
        GeneratorOptions options = new GeneratorOptions(populationScale, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 5,
                false, out);
        return new GenerationContext(options, regions, time,
                Population.build(regions, time, populationScale, 5, ProgressListener.NONE),
                FacilityRegistry.build(regions, time, facilityScale, 5), new Truth(), ProgressListener.NONE);
    }

    @Test
    void deathFilesCarryEveryDeathRule(@TempDir Path out) throws IOException {
        GenerationContext ctx = context(out, 0.04, 0.001);
        DeathFeed feed = new DeathFeed(ctx);
        feed.write();
        ctx.truth().write(out);
        TruthVerifier truth = new TruthVerifier(out);
        truth.verifyAll();
        for (String rule : List.of("ID_CHECKSUM", "ID_FORMAT", "REQUIRED", "TYPE_FORMAT", "CODE_UNKNOWN",
                "DUPLICATE_KEY", "DEATH_BEFORE_BIRTH", "OUT_OF_PERIOD")) {
            assertTrue(truth.plantedByRule.getOrDefault(rule, 0) > 0, rule + " planted: " + truth.plantedByRule);
        }
        // every death is reported by an accepted row in the month it happened
        Population pop = ctx.population();
        for (int m = 0; m < 12; m++) {
            for (int k = 0; k < pop.deathsByMonth[m].size(); k++) {
                int i = pop.deathsByMonth[m].get(k);
                assertEquals(pop.death[i], feed.recordedDeath(i));
            }
        }
        // sources overlap: most deaths in 死亡证明, many in 火化记录, the lag-free ones in 户籍注销
        Map<String, Long> rowsByUnit = new HashMap<>();
        truth.batches.forEach(b -> rowsByUnit.merge(b.unit(), b.loaded(), Long::sum));
        long deaths = pop.deathCount();
        assertTrue(rowsByUnit.get("health:320300") > 0.85 * deaths, rowsByUnit + " of " + deaths);
        assertTrue(rowsByUnit.get("civil_affairs:320300") > 0.5 * deaths);
        assertTrue(rowsByUnit.get("public_security:320300") > 0.3 * deaths);
    }

    @Test
    void facilityFilesCarryEveryFacilityRule(@TempDir Path out) throws IOException {
        GenerationContext ctx = context(out, 0.0003, 0.4);
        FacilityFeed feed = new FacilityFeed(ctx);
        feed.write();
        ctx.truth().write(out);
        TruthVerifier truth = new TruthVerifier(out);
        truth.verifyAll();
        for (String rule : List.of("USCC_CHECKSUM", "BEDS_INCONSISTENT", "CODE_UNKNOWN", "REQUIRED", "TYPE_FORMAT",
                "REGION_UNKNOWN", "DUPLICATE_KEY")) {
            assertTrue(truth.plantedByRule.getOrDefault(rule, 0) > 0, rule + " planted: " + truth.plantedByRule);
        }
        Map<String, Integer> byType = new HashMap<>();
        long beds = 0;
        long nursing = 0;
        int open = 0;
        for (FacilityRegistry.Facility f : ctx.facilities().all()) {
            byType.merge(f.type, 1, Integer::sum);
            if (f.type.equals(FacilityRegistry.INSTITUTION)) {
                beds += f.beds;
                nursing += f.nursingBeds;
            }
            open += f.statusAt(0) == FacilityRegistry.OPEN ? 1 : 0;
        }
        // community facilities keep the city's real counts at any scale; institutions shrink with the population
        assertEquals(301, (int) byType.get(FacilityRegistry.COMMUNITY_CENTER));
        assertEquals(161, (int) byType.get(FacilityRegistry.MEAL_POINT));
        assertEquals((int) Math.round(180 * 0.4), (int) byType.get(FacilityRegistry.INSTITUTION));
        assertEquals(7, byType.size());
        double share = 100.0 * nursing / beds;
        assertTrue(share > 55 && share < 65, "nursing share " + share);
        assertTrue(open > 0.9 * ctx.facilities().all().size(), "mostly open");
    }
}
