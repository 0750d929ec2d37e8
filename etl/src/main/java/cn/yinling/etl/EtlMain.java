package cn.yinling.etl;

import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.HeapPeak;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code EtlMain [--master M] [--home PATH]}: builds and publishes a new warehouse version from the landing zone.
 * Progress goes to stderr, the published version and a summary to stdout. Exit codes: 0 published, 1 a data test
 * failed (nothing published), 2 bad arguments, 3 any other failure (nothing published).
 *
 * <p>The job never hard-codes a master: spark-submit's {@code spark.master} wins; {@code --master} may set one; only
 * when neither does it run in-process with {@code local[*]}.
 */
public final class EtlMain {

    public static final String PAUSE_PROPERTY = "aging.etl.pauseBeforePublishMs";

    private EtlMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String master = null;
        AgingHome home = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--master" -> master = value(args, ++i);
                case "--home" -> home = new AgingHome(Path.of(value(args, ++i)).toAbsolutePath().normalize());
                case "-h", "--help" -> {
                    out.println("用法 / usage: EtlMain [--master M] [--home PATH]");
                    return 0;
                }
                default -> {
                    err.println("未知参数 / unknown argument: " + args[i] + "\n用法 / usage: EtlMain [--master M] [--home PATH]");
                    return 2;
                }
            }
        }
        if (master != null && master.isEmpty()) {
            err.println("--master 需要一个值 / --master needs a value");
            return 2;
        }
        if (home == null) {
            home = AgingHome.fromEnvironment(env);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("aging-etl");
        SparkConf configured = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!configured.contains("spark.master")) {
            builder.master("local[*]");
        }
        String effectiveMaster = master != null ? master : configured.get("spark.master", "local[*]");
        // a session that already exists (a test's, a notebook's) belongs to its creator: use it as it is, do not stop it
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        if (ownSession) {
            defaults(builder, configured, effectiveMaster.startsWith("local"), home);
        }
        if (ownSession && effectiveMaster.startsWith("local")) {
            MissCachingClassLoader.installOnCurrentThread();
        }
        HeapPeak heap = HeapPeak.start();
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            EtlRun.Options defaults = EtlRun.Options.defaults(home, home.secret(env), err);
            EtlRun.Options options = new EtlRun.Options(defaults.home(), defaults.secret(), defaults.catalog(),
                    defaults.keepVersions(), Duration.ofMillis(Long.getLong(PAUSE_PROPERTY, 0L)), err);
            EtlRun.Result result = new EtlRun(options).run(spark);
            out.println(result.version());
            out.printf("已发布版本 %d / published version %d: %d 个批次 batches, %d 张表 tables, 数据测试 %d/%d 通过 passed, "
                            + "%.1f s, 堆峰值 %d MiB peak heap%n",
                    result.version(), result.version(), result.batches().size(), result.tables().size(),
                    result.tests().stream().filter(DataTests.Result::passed).count(), result.tests().size(),
                    result.elapsed().toMillis() / 1000.0, heap.peakMb());
            result.tables().forEach((table, rows) -> out.println("  " + table + "\t" + rows));
            return 0;
        } catch (DataTests.Failed e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("ETL 运行失败，新版本未发布，当前版本保持不变 / ETL run failed, nothing was published: " + e);
            e.printStackTrace(err);
            return 3;
        } finally {
            heap.close();
            if (ownSession) {
                spark.stop();
            }
        }
    }

    /**
     * Defaults for what spark-submit or the user did not configure. The data are dates and months of Chinese offices,
     * so the session time zone is Asia/Shanghai. In local mode Spark's 200 shuffle partitions (sized for clusters)
     * would turn every step of a small city into hundreds of tiny tasks on a two-core machine, while a whole city's
     * register in four partitions sorts gigabytes per task: the count follows the size of the landed data.
     */
    private static void defaults(SparkSession.Builder builder, SparkConf configured, boolean local, AgingHome home) {
        setUnlessConfigured(builder, configured, "spark.sql.session.timeZone", () -> "Asia/Shanghai");
        // The run adds no jars or classes to its session, so it needs no class loader of its own on the executors:
        // with one, every class the generated code names is looked up through it and, when missing, asked of the
        // driver over RPC (a tenth of the CPU samples of a small test run)
        setUnlessConfigured(builder, configured, "spark.sql.artifact.isolation.enabled", () -> "false");
        if (local) {
            int cores = Runtime.getRuntime().availableProcessors();
            setUnlessConfigured(builder, configured, "spark.sql.shuffle.partitions",
                    () -> String.valueOf(shufflePartitions(landedBytes(home), cores)));
            setUnlessConfigured(builder, configured, "spark.ui.enabled", () -> "false");
            // Spill and shuffle files of a whole city run to tens of gigabytes: under AGING_HOME, where the data
            // already are, rather than in /tmp, which is often a small RAM disk.
            if (System.getenv("SPARK_LOCAL_DIRS") == null) {
                setUnlessConfigured(builder, configured, "spark.local.dir",
                        () -> home.scratch().resolve("spark").toString());
            }
            // The bucketed tables of a run are external (their files are in the run's folders), but the session
            // catalog makes its default database's folder on first use: in the scratch folder, not wherever the
            // command was started.
            setUnlessConfigured(builder, configured, "spark.sql.warehouse.dir",
                    () -> home.scratch().resolve("spark-warehouse").toUri().toString());
            // checkpointed blocks that spill to disk are compressed like shuffle files
            setUnlessConfigured(builder, configured, "spark.rdd.compress", () -> "true");
            // Shuffle files are removed only once the driver's garbage collector has collected their plans; with a
            // large heap that can take the whole run, and a run keeps every step's shuffle files on disk until then.
            setUnlessConfigured(builder, configured, "spark.cleaner.periodicGC.interval", () -> "2min");
        }
    }

    private static void setUnlessConfigured(SparkSession.Builder builder, SparkConf configured, String key,
                                            Supplier<String> value) {
        if (!configured.contains(key)) {
            builder.config(key, value.get());
        }
    }

    /** Landed Parquet per shuffle partition: a small city keeps two partitions per core, scale 1.0 gets about 140. */
    static final long BYTES_PER_PARTITION = 32L << 20;

    static int shufflePartitions(long landedBytes, int cores) {
        return (int) Math.max(2L * cores, Math.min(200, landedBytes / BYTES_PER_PARTITION));
    }

    private static long landedBytes(AgingHome home) {
        if (!Files.isDirectory(home.landing())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(home.landing())) {
            return files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static String value(String[] args, int i) {
        return i < args.length ? args[i] : "";
    }
}
