package cn.yinling.etl;

import static org.apache.spark.sql.functions.col;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.FolderSwap;
import cn.yinling.warehouse.store.VersionStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One TRANSFORM + PUBLISH run: extract the batches in force, run the SQL models in dependency order, write the
 * marts to a staging folder, run the data tests on what was written, refresh the PII vault, write lineage.json and
 * publish the version atomically (see {@link VersionStore}). Any failure leaves the previous version live.
 */
public final class EtlRun {

    /** How a run is configured. {@code pauseBeforePublish} exists for the crash test only. */
    public record Options(AgingHome home, byte[] secret, KpiCatalog catalog, int keepVersions,
                          Duration pauseBeforePublish, PrintStream progress) {

        public static Options defaults(AgingHome home, byte[] secret, PrintStream progress) {
            return new Options(home, secret, KpiCatalog.withTargets(home.config().resolve("targets.properties")),
                    VersionStore.DEFAULT_KEEP, Duration.ZERO, progress);
        }
    }

    /** What a successful run published. */
    public record Result(int version, List<LandingSource.Batch> batches, Map<String, Long> tables,
                         List<DataTests.Result> tests, Duration elapsed) {
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Options options;

    public EtlRun(Options options) {
        this.options = options;
    }

    /** Runs in a fresh session of {@code spark} (own temp views and person_key function, shared SparkContext). */
    public Result run(SparkSession spark) {
        long started = System.nanoTime();
        SparkSession session = spark.newSession();
        PersonKeyFunction.register(session, options.secret());
        AgingHome home = options.home();
        VersionStore store = new VersionStore(home);

        List<Model> models = ModelCatalog.load();
        List<Model> tests = models.stream().filter(Model::isTest).toList();
        KpiInputs kpiInputs = new KpiInputs(options.catalog(), models.stream().filter(Model::isKpi).toList());
        Set<String> provided = new LinkedHashSet<>(List.of("landing_batch", KpiInputs.CATALOG_VIEW, KpiInputs.BREAKDOWN_VIEW));
        for (FeedContract feed : Contracts.get().feeds()) {
            provided.add("src_" + feed.feed());
        }
        List<ModelGraph.Node> plan = ModelGraph.plan(models, List.of(kpiInputs.unionModel()), provided);
        int totalSteps = 1 + plan.size() + 2;
        int step = 0;

        List<Dataset<Row>> persisted = new ArrayList<>();
        VersionStore.Staging staging = store.begin();
        try {
            progress(++step, totalSteps, "landing → src_* (batches in force)");
            LandingSource landing = new LandingSource(session, uri(home.landing()));
            List<LandingSource.Batch> batches = landing.registerViews();
            kpiInputs.registerViews(session);

            Map<String, Map<String, Object>> lineageModels = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String view : provided) {
                rows.put(view, session.table(view).count());
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            Dataset<Row> vault = null;
            for (ModelGraph.Node node : plan) {
                progress(++step, totalSteps, node.name());
                Dataset<Row> built = node.sql() != null ? session.sql(node.sql().statement()) : node.java().build().apply(session);
                if (node.isPublished()) {
                    built = writeTable(session, built, staging.dir().resolve(node.name()));
                    tables.put(node.name(), null);
                } else if (node.isVault()) {
                    vault = built;
                } else {
                    // every view is counted for lineage and most are read again: materialise each once
                    built = built.persist(StorageLevel.MEMORY_AND_DISK());
                    persisted.add(built);
                }
                built.createOrReplaceTempView(node.name());
                long out = node.isVault() ? -1 : built.count();
                rows.put(node.name(), out);
                if (tables.containsKey(node.name())) {
                    tables.put(node.name(), out);
                }
                long in = node.inputs().stream().mapToLong(i -> Math.max(0, rows.getOrDefault(i, 0L))).sum();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", node.isPublished() ? "table" : node.isVault() ? "vault" : "view");
                entry.put("inputs", node.inputs());
                entry.put("rows_in", in);
                entry.put("rows_out", out < 0 ? null : out);
                lineageModels.put(node.name(), entry);
            }

            progress(++step, totalSteps, "data tests (" + tests.size() + ") on the written Parquet");
            requireNoPersonalColumns(session, tables.keySet());
            List<DataTests.Result> results = DataTests.run(session, tests);
            DataTests.requirePassed(results);

            progress(++step, totalSteps, "vault/person, lineage.json, publish");
            if (vault != null) {
                writeVault(vault, home.vault().resolve("person"));
            }
            writeLineage(staging, batches, lineageModels, results);
            pauseIfAsked();
            store.publish(staging);
            store.prune(options.keepVersions());
            return new Result(staging.version(), batches, tables, results, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (Files.exists(staging.dir())) {
                store.discard(staging);
            }
            persisted.forEach(Dataset::unpersist);
        }
    }

    /**
     * Writes a mart sorted by all its columns (same inputs give the same files) and returns it read back, so later
     * models and the data tests read what will be published rather than recomputing it.
     */
    private static Dataset<Row> writeTable(SparkSession session, Dataset<Row> table, Path dir) {
        Column[] order = Arrays.stream(table.columns()).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        table.orderBy(order).write().parquet(uri(dir));
        return session.read().schema(table.schema()).parquet(uri(dir));
    }

    /** ID numbers and names stay in landing and the vault: a published table holding one is a bug, not data. */
    private static void requireNoPersonalColumns(SparkSession session, Set<String> tables) {
        for (String table : tables) {
            for (String column : session.table(table).columns()) {
                String c = column.toLowerCase(Locale.ROOT);
                if (c.equals("id_number") || (c.equals("name") && !table.equals("dim_region") && !table.equals("dim_facility"))) {
                    throw new IllegalStateException("表 " + table + " 含个人信息列 " + column + "，不得发布 / table " + table
                            + " holds personal column " + column + " and cannot be published");
                }
            }
        }
    }

    /** vault/person is replaced in one atomic switch (FolderSwap), so a reader never sees half a vault. */
    private static void writeVault(Dataset<Row> vault, Path name) {
        try {
            Files.createDirectories(name.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + name.getParent(), e);
        }
        Path staged = FolderSwap.stagingFor(name);
        vault.orderBy("person_key").write().parquet(uri(staged));
        FolderSwap.replace(name, staged);
    }

    private void writeLineage(VersionStore.Staging staging, List<LandingSource.Batch> batches,
                              Map<String, Map<String, Object>> models, List<DataTests.Result> tests) {
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("version", staging.version());
        lineage.put("created_at", OffsetDateTime.now(SHANGHAI).toString());
        List<Map<String, Object>> batchList = new ArrayList<>();
        for (LandingSource.Batch b : batches) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", b.batchId());
            entry.put("feed", b.feed());
            entry.put("period", b.period());
            entry.put("unit", b.unit());
            entry.put("rows", b.rows());
            batchList.add(entry);
        }
        lineage.put("batches", batchList);
        lineage.put("models", models);
        List<Map<String, Object>> testList = new ArrayList<>();
        for (DataTests.Result t : tests) {
            testList.add(Map.of("name", t.name(), "failing_rows", t.failingRows(), "passed", t.passed()));
        }
        lineage.put("tests", testList);
        lineage.put("tests_run", tests.size());
        lineage.put("tests_passed", tests.stream().filter(DataTests.Result::passed).count());
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(staging.dir().resolve("lineage.json").toFile(), lineage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lineage.json", e);
        }
    }

    private void pauseIfAsked() {
        if (options.pauseBeforePublish().isZero()) {
            return;
        }
        options.progress().println("pausing " + options.pauseBeforePublish().toMillis() + " ms before publish");
        options.progress().flush();
        try {
            Thread.sleep(options.pauseBeforePublish().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before publish", e);
        }
    }

    private long stepStarted;

    private void progress(int step, int total, String what) {
        long now = System.nanoTime();
        if (step > 1) {
            options.progress().printf("      %.1f s%n", (now - stepStarted) / 1e9);
        }
        stepStarted = now;
        options.progress().println("[" + step + "/" + total + "] " + what + " …");
        options.progress().flush();
    }

    static String uri(Path path) {
        return path.toAbsolutePath().toUri().toString();
    }
}
