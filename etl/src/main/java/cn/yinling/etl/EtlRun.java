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
import org.apache.spark.sql.execution.LogicalRDD;
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
        Set<String> provided = new LinkedHashSet<>(List.of("landing_batch", "landing_manifest", KpiInputs.CATALOG_VIEW,
                KpiInputs.BREAKDOWN_VIEW, ExpectedSubmissions.VIEW));
        for (FeedContract feed : Contracts.get().feeds()) {
            provided.add("src_" + feed.feed());
        }
        List<ModelGraph.Node> plan = ModelGraph.plan(models, List.of(kpiInputs.unionModel()), provided);
        int totalSteps = 1 + (int) plan.stream().filter(n -> n.sql() == null || !n.sql().isKpi()).count() + 2;
        int step = 0;

        List<Dataset<Row>> materialised = new ArrayList<>();
        VersionStore.Staging staging = store.begin();
        try {
            progress(++step, totalSteps, "landing → src_* (batches in force)");
            LandingSource landing = new LandingSource(session, uri(home.landing()));
            List<LandingSource.Batch> batches = landing.registerViews();
            kpiInputs.registerViews(session);
            ExpectedSubmissions.register(session, ExpectedSubmissions.load(home.config().resolve("units.csv")));

            // rows of the landing views: the accepted rows the manifests declare (the data test reconcile_row_counts
            // checks staging against a real count of src_*), so extracting costs no Spark job per feed
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String view : provided) {
                rows.put(view, view.startsWith("src_") ? 0L : session.table(view).count());
            }
            for (LandingSource.Batch b : batches) {
                rows.merge("src_" + b.feed(), Math.max(0, b.rows()), Long::sum);
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            Dataset<Row> vault = null;
            for (ModelGraph.Node node : plan) {
                boolean kpiView = node.sql() != null && node.sql().isKpi();
                if (!kpiView) {
                    progress(++step, totalSteps, node.name());
                }
                Dataset<Row> built = node.sql() != null ? session.sql(node.sql().statement()) : node.java().build().apply(session);
                if (kpiView) {
                    // a KPI view is a small projection of materialised inputs, read once by int_kpi_union: it is
                    // neither materialised nor counted on its own (its rows are counted in the union, below)
                    built.createOrReplaceTempView(node.name());
                    continue;
                }
                long out;
                if (node.isPublished()) {
                    Dataset<Row> local = materialise(built);
                    materialised.add(local);
                    out = local.count();
                    built = writeTable(session, local, out, staging.dir().resolve(node.name()));
                    tables.put(node.name(), out);
                } else if (node.isVault()) {
                    vault = built;
                    out = -1;
                } else {
                    built = materialise(built);
                    materialised.add(built);
                    out = built.count();
                }
                built.createOrReplaceTempView(node.name());
                rows.put(node.name(), out);
                if (node.name().equals(KpiInputs.UNION_VIEW)) {
                    rows.putAll(kpiInputs.rowsPerView(built));
                }
            }
            Map<String, Map<String, Object>> lineageModels = new LinkedHashMap<>();
            for (ModelGraph.Node node : plan) {
                long out = rows.getOrDefault(node.name(), 0L);
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
            progress(0, totalSteps, null);
            return new Result(staging.version(), batches, tables, results, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (Files.exists(staging.dir())) {
                store.discard(staging);
            }
            materialised.forEach(EtlRun::release);
        }
    }

    /**
     * Computes a view once and cuts its lineage (a local checkpoint): later models read the stored rows through a
     * plan of one node. Caching with persist() keeps every view's whole plan, and Spark compares each new query
     * with every cached plan, which made the late steps of a run slower and slower.
     */
    private static Dataset<Row> materialise(Dataset<Row> view) {
        return view.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
    }

    private static void release(Dataset<Row> checkpointed) {
        if (checkpointed.queryExecution().analyzed() instanceof LogicalRDD rdd) {
            rdd.rdd().unpersist(false);
        }
    }

    /**
     * Writes a mart in files whose content depends on the rows only (same inputs give the same files): rows are
     * spread over a number of files fixed by the row count, by a hash of all columns, and sorted by all columns
     * inside each file, so no global sort (a sampling job and a range shuffle per table) is needed. Returns the
     * table read back, so later models and the data tests read what will be published.
     */
    private static Dataset<Row> writeTable(SparkSession session, Dataset<Row> table, long rows, Path dir) {
        Column[] columns = Arrays.stream(table.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column[] order = Arrays.stream(table.columns()).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        int files = (int) Math.max(1, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Dataset<Row> spread = files == 1 ? table.coalesce(1) : table.repartition(files, columns);
        spread.sortWithinPartitions(order).write().parquet(uri(dir));
        return session.read().schema(table.schema()).parquet(uri(dir));
    }

    /** Rows per Parquet file of a published table: big enough for few files, small enough to write in parallel. */
    static final long ROWS_PER_FILE = 4_000_000L;

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

    /** Prints a step's start, and the time the previous step took; {@code what} null only closes the last step. */
    private void progress(int step, int total, String what) {
        long now = System.nanoTime();
        if (stepStarted != 0) {
            options.progress().printf("      %.1f s%n", (now - stepStarted) / 1e9);
        }
        stepStarted = now;
        if (what == null) {
            options.progress().flush();
            return;
        }
        options.progress().println("[" + step + "/" + total + "] " + what + " …");
        options.progress().flush();
    }

    static String uri(Path path) {
        return path.toAbsolutePath().toUri().toString();
    }
}
