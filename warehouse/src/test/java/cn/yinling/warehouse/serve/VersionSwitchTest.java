package cn.yinling.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionSwitchTest {

    @TempDir
    Path home;

    @Test
    void queriesArrivingWhileTheFirstVersionOpensWaitForItInsteadOfFailing() throws Exception {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ofMinutes(1))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return WarehouseReaderTest.cityPopulationDecember(reader);
                }));
            }
            go.countDown();
            for (Future<Double> answer : answers) {
                assertEquals(1010.0, answer.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
        }
    }

    @Test
    void aNewVersionIsPickedUpWhileQueriesRunAndNoneFails() throws Exception {
        PublishedVersionFixture fixture = new PublishedVersionFixture(home);
        fixture.publish(1, "mart_kpi_v1.sql");
        try (WarehouseReader reader = new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ofMillis(50))) {
            assertEquals(1010.0, WarehouseReaderTest.cityPopulationDecember(reader));

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger queries = new AtomicInteger();
            Set<Double> seen = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                loops.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            seen.add(WarehouseReaderTest.cityPopulationDecember(reader));
                            // a second query type, so both kinds of handle are in flight during the swap
                            reader.childValues("pop_total", WarehouseReaderTest.GULOU, WarehouseReaderTest.DEC, null);
                            queries.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }));
            }
            Thread.sleep(200);
            fixture.publish(2, "mart_kpi_v2.sql");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!seen.contains(2222.0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // keep querying the new version for a while
            stop.set(true);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertTrue(failures.isEmpty(), () -> "failed queries: " + failures);
            assertEquals(Set.of(1010.0, 2222.0), seen);
            assertTrue(queries.get() > 10, "queries ran: " + queries.get());
            assertEquals(OptionalInt.of(2), reader.liveVersion());
            assertEquals(2222.0, WarehouseReaderTest.cityPopulationDecember(reader));
        }
    }
}
