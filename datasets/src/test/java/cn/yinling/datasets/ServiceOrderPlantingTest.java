package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service orders alone (with the region and facility feeds they are checked against), at a scale where the months
 * carry every rule of the feed, landed through the real landing step; and the schedule the audit rules rely on: no
 * worker in two places at once, a person at most once a day, nothing on or after the day of death.
 */
class ServiceOrderPlantingTest {

    @Test
    void everyServiceOrderRuleIsPlantedAndFoundByTheLandingStep(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("feeds");
        YearMonth from = YearMonth.of(2024, 11);
        YearMonth to = YearMonth.of(2025, 1);
        GeneratorOptions options = new GeneratorOptions(0.03, from, to, 9, false, out);
        RegionRegistry regions = RegionRegistry.load();
        Timeline time = new Timeline(from, to);
        Population pop = Population.build(regions, time, 0.03, 9, ProgressListener.NONE);
        GenerationContext ctx = new GenerationContext(options, regions, time, pop,
                FacilityRegistry.build(regions, time, 0.03, 9), new Truth(), ProgressListener.NONE);
        new RegionFeed(ctx).write();
        FacilityFeed facilities = new FacilityFeed(ctx);
        facilities.write();
        Elders elders = new Elders(pop, regions, time, 9);
        ServiceOrderFeed orders = new ServiceOrderFeed(ctx, elders, facilities);
        orders.write();
        ctx.truth().write(out);

        TruthLanding.Outcome outcome = TruthLanding.landAndCompare(out, temp.resolve("home"));
        for (String rule : List.of("ID_CHECKSUM", "USCC_CHECKSUM", "TIME_ORDER", "ORDER_ID_REUSED", "OUT_OF_PERIOD",
                "RANGE", "CODE_UNKNOWN", "DUPLICATE_KEY", "REQUIRED", "TYPE_FORMAT", "UNKNOWN_PROVIDER")) {
            assertTrue(outcome.rulesSeen().contains("service_order:" + rule), rule + ": " + outcome.rulesSeen());
        }
        assertEquals(outcome.plantedInTruth(), outcome.planted());

        for (int m = 0; m < orders.byMonth.size(); m++) {
            List<ServiceOrderFeed.Order> month = orders.byMonth.get(m);
            Map<String, Integer> busyUntil = new HashMap<>();
            Set<String> personDays = new HashSet<>();
            for (ServiceOrderFeed.Order o : month) {
                int begin = o.day * 1440 + o.start;
                Integer free = busyUntil.get(o.worker);
                assertTrue(free == null || free <= begin, "worker " + o.worker + " in two places");
                busyUntil.put(o.worker, begin + o.minutes);
                assertTrue(personDays.add(o.person + "/" + o.day), "one order a day per person");
                assertTrue(o.minutes >= 10 && o.minutes <= 8 * 60, "duration " + o.minutes);
                int date = time.start(m) + o.day - 1;
                assertTrue(pop.death[o.person] == 0 || pop.death[o.person] > date, "no order on or after death");
            }
        }
        // calibration at this scale: government home care for ≈ 2,200 × 0.03 people, 5–6 thousand orders per 1,000
        int govOrders = 0;
        Set<Integer> served = new HashSet<>();
        for (ServiceOrderFeed.Order o : orders.byMonth.get(1)) {
            if (o.funding == 0 && o.status == ServiceOrderFeed.COMPLETED) {
                govOrders++;
                served.add(o.person);
            }
        }
        int gov = served.size();
        assertEquals(66, gov, 20, "government home-care persons in a month");
        double perThousand = 1000.0 * govOrders / gov;
        assertTrue(perThousand > 4_500 && perThousand < 6_500, "orders per 1,000 served: " + perThousand);
    }
}
