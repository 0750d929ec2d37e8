package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed right before the rename must leave the previous version live and nothing half-published visible;
 * the next run publishes the same figures.
 */
class PublishCrashTest {

    static final String SECRET = "crash-test-secret";

    @TempDir
    Path root;

    @Test
    void killedRunLeavesThePreviousVersionLiveAndARerunPublishesTheSameFigures() throws Exception {
        SparkSession spark = SharedSpark.get();
        AgingHome home = new AgingHome(root);
        TestCity.writeCore(new LandingFixture(home));
        VersionStore store = new VersionStore(home);

        assertEquals(1, runInProcess(spark, home));
        List<String> firstFigures = martKpi(spark, store, 1);

        Process child = startChildEtl(home);
        try {
            Deque<String> lastLines = new ArrayDeque<>();
            CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> waitForPause(child, lastLines));
            boolean reached = paused.completeOnTimeout(false, 600, TimeUnit.SECONDS).get();
            assertTrue(reached, () -> {
                synchronized (lastLines) {
                    return "the child ETL never reached the publish step in 600 s; its last lines:\n"
                            + String.join("\n", lastLines);
                }
            });
            // it is now sleeping with a complete staging folder, right before the rename
            try (Stream<Path> entries = Files.list(store.versionsDir())) {
                assertTrue(entries.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-2-")), "staging folder of version 2");
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }

        assertEquals(1, store.current().getAsInt(), "CURRENT still names the previous version");
        assertEquals(List.of(1), store.versions());
        try (Stream<Path> entries = Files.list(store.versionsDir())) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                assertTrue(name.equals("1") || name.startsWith("."), "visible half version: " + name);
            }
        }

        assertEquals(2, runInProcess(spark, home));
        assertEquals(2, store.current().getAsInt());
        assertEquals(firstFigures, martKpi(spark, store, 2));
    }

    private static int runInProcess(SparkSession spark, AgingHome home) {
        EtlRun.Options options = EtlRun.Options.defaults(home, SECRET.getBytes(StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new EtlRun(options).run(spark).version();
    }

    private static List<String> martKpi(SparkSession spark, VersionStore store, int version) {
        return spark.read().parquet(store.dir(version).resolve("mart_kpi").toString())
                .orderBy("kpi_code", "breakdown", "region_code", "month").collectAsList().stream()
                .map(Object::toString).toList();
    }

    private static Process startChildEtl(AgingHome home) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty") || arg.startsWith("-Duser.timezone")
                    || arg.startsWith("-XX:TieredStopAtLevel") || arg.startsWith("-XX:ReservedCodeCacheSize")) {
                command.add(arg);
            }
        }
        // a short-lived JVM on a tiny fixture: one GC thread leaves the cores to the ETL, and it compiles as the test
        // JVM does (the module's pom: the quick compiler alone, with the larger code cache it needs). The quick
        // compiler with the default cache once never reached the publish step in 600 s; a full code cache, which
        // stops compiling, is the likely cause
        command.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC",
                "-D" + EtlMain.PAUSE_PROPERTY + "=600000",
                "-Dspark.sql.shuffle.partitions=2", "-Dspark.ui.enabled=false",
                "-cp", System.getProperty("java.class.path"), EtlMain.class.getName(),
                "--master", "local[2]", "--home", home.root().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AGING_SECRET", SECRET);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** Reads the child's stderr until it pauses; {@code lastLines} keeps the last lines read, to explain a failure. */
    private static boolean waitForPause(Process child, Deque<String> lastLines) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 30) {
                        lastLines.removeFirst();
                    }
                }
                if (line.startsWith("pausing")) {
                    // keep draining so the child never blocks on a full pipe
                    Thread drain = new Thread(() -> {
                        try {
                            err.transferTo(java.io.Writer.nullWriter());
                        } catch (java.io.IOException ignored) {
                            // the child was killed
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
