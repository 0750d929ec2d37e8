package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end from the generator through the real landing step, every feed: every planted bad row is rejected with the
 * rule the generator planted, nothing else is, every warning is the one the truth lists, and every batch's counts
 * equal truth/batches.csv. The landing step is the oracle of the rules of the feeds of issue #3.
 */
class GeneratedCityLandingTest {

    @TempDir
    Path temp;

    @Test
    void everyPlantedRowIsRejectedWithItsRuleAndCountsReconcile() throws IOException {
        Path feeds = temp.resolve("feeds");
        // three months across a year end: two years of the annual feeds, order ids of earlier months to reuse
        new CityGenerator(new GeneratorOptions(0.004, YearMonth.of(2024, 11), YearMonth.of(2025, 1), 3, false, feeds))
                .generate(ProgressListener.NONE);
        TruthLanding.Outcome outcome = TruthLanding.landAndCompare(feeds, temp.resolve("home"));

        assertEquals(Set.of("region", "facility", "household", "death", "living_status", "accident_insurance",
                "allowance", "pension", "health_checkup", "ltc_benefit", "service_order", "care_visit"),
                outcome.plan().stream().map(e -> e[1]).collect(Collectors.toSet()));
        // every rule of the person feeds of issue #3 (spec/feeds.md §3, §6), as the landing step found it; service
        // orders are too few in a city this small for all their rules: ServiceOrderPlantingTest
        Map<String, List<String>> rules = Map.of(
                "living_status", List.of("ID_CHECKSUM", "ID_FORMAT", "NOT_ELDERLY", "CODE_UNKNOWN", "OUT_OF_PERIOD",
                        "OUT_OF_SCOPE", "REQUIRED", "DUPLICATE_KEY", "TYPE_FORMAT", "EXTRA_COLUMN"),
                "allowance", List.of("ID_CHECKSUM", "ID_FORMAT", "RANGE", "CODE_UNKNOWN", "OUT_OF_PERIOD",
                        "REGION_UNKNOWN", "DUPLICATE_KEY", "OUT_OF_SCOPE", "REQUIRED", "TYPE_FORMAT"),
                "pension", List.of("ID_CHECKSUM", "ID_FORMAT", "OUT_OF_PERIOD", "CODE_UNKNOWN", "RANGE",
                        "DUPLICATE_KEY", "REQUIRED", "TYPE_FORMAT"),
                "health_checkup", List.of("ID_CHECKSUM", "ID_FORMAT", "OUT_OF_PERIOD", "CODE_UNKNOWN", "TYPE_FORMAT",
                        "USCC_CHECKSUM", "DUPLICATE_KEY", "REQUIRED"),
                "ltc_benefit", List.of("ID_CHECKSUM", "ID_FORMAT", "OUT_OF_PERIOD", "CODE_UNKNOWN", "RANGE",
                        "REQUIRED", "DUPLICATE_KEY", "TYPE_FORMAT"),
                "accident_insurance", List.of("ID_CHECKSUM", "ID_FORMAT", "NOT_ELDERLY", "OUT_OF_PERIOD", "RANGE",
                        "CODE_UNKNOWN", "REQUIRED", "DUPLICATE_KEY", "TYPE_FORMAT"),
                "care_visit", List.of("ID_CHECKSUM", "ID_FORMAT", "OUT_OF_PERIOD", "CODE_UNKNOWN", "OUT_OF_SCOPE",
                        "REQUIRED", "DUPLICATE_KEY", "TYPE_FORMAT"),
                "service_order", List.of("ORDER_ID_REUSED", "UNKNOWN_PROVIDER"));
        rules.forEach((feed, list) -> list.forEach(rule -> assertTrue(outcome.rulesSeen().contains(feed + ":" + rule),
                feed + ":" + rule + " found by the landing step; seen " + outcome.rulesSeen())));
        assertTrue(outcome.planted() > 300, "a meaningful number of planted rows was checked: " + outcome.planted());
        assertEquals(outcome.plantedInTruth(), outcome.planted(), "every file of truth/rejections.csv is planned");
    }
}
