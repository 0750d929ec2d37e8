package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardVersionSwitchTest {

    @TempDir
    Path home;

    @Test
    void version2PublishedWhileRequestsRunIsServedWithoutRestartAndNoRequestFails() throws Exception {
        PublishedVersionFixture fixture = new PublishedVersionFixture(home);
        fixture.publish(1, "mart_kpi_v1.sql");
        try (Dependencies deps = TestDependencies.create(home, Duration.ofMillis(100))) {
            String cookie = TestDependencies.sessionCookie(deps, "planner1", Role.planner, null);
            JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
                String path = "/api/v1/kpis?region=" + DashboardApiTest.CITY + "&month=2024-12";
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger requests = new AtomicInteger();
                Set<String> populations = ConcurrentHashMap.newKeySet();
                Set<Integer> versions = ConcurrentHashMap.newKeySet();
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                List<Thread> loops = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Thread loop = new Thread(() -> {
                        while (!stop.get()) {
                            try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
                                String body = response.body().string();
                                if (response.code() != 200) {
                                    failures.add(response.code() + " " + body);
                                    continue;
                                }
                                JsonNode answer = DashboardApiTest.JSON.readTree(body);
                                populations.add(DashboardApiTest.card(answer, "pop_total").get("value").asText());
                                versions.add(answer.get("version").asInt());
                                requests.incrementAndGet();
                            } catch (Exception e) {
                                failures.add(e.toString());
                            }
                        }
                    });
                    loop.start();
                    loops.add(loop);
                }
                Thread.sleep(300);
                fixture.publish(2, "mart_kpi_v1.sql", "mart_kpi_v2.sql");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                // until version 2 is served and enough requests have run across the switch: on a busy machine
                // that takes longer than any fixed pause
                while ((!populations.contains("2222.0") || requests.get() <= 10) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(300);
                stop.set(true);
                for (Thread loop : loops) {
                    loop.join(30_000);
                }

                assertTrue(failures.isEmpty(), () -> "failed requests: " + failures);
                assertEquals(Set.of("1010.0", "2222.0"), populations);
                assertTrue(versions.contains(2), "version 2 served: " + versions);
                assertTrue(requests.get() > 10, "requests: " + requests.get());
                JsonNode status = DashboardApiTest.json(client, cookie, "/api/v1/status", 200);
                assertEquals(2, status.get("version").asInt());
            });
        }
    }
}
