package cn.yinling.etl;

import cn.yinling.warehouse.audit.AuditRules;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;

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
        // A join by (person_key, month) of a table lying in buckets by person_key shuffles only its other side to
        // match the buckets, rather than both sides by every key: person_key alone spreads the rows evenly.
        session.conf().set("spark.sql.requireAllClusterKeysForCoPartition", "false");
        PersonKeyFunction.register(session, options.secret());
        AgingHome home = options.home();
        VersionStore store = new VersionStore(home);

        List<Model> models = ModelCatalog.load();
        ModelCatalog.registerFunctions(session, models);
        List<Model> tests = models.stream().filter(Model::isTest).toList();
        KpiInputs kpiInputs = new KpiInputs(options.catalog(), models.stream().filter(Model::isKpi).toList());
        AuditInputs auditInputs = new AuditInputs(AuditRules.defaults(), models.stream().filter(Model::isAudit).toList());
        Set<String> provided = new LinkedHashSet<>(List.of("landing_batch", "landing_manifest", KpiInputs.CATALOG_VIEW,
                KpiInputs.BREAKDOWN_VIEW, ExpectedSubmissions.VIEW, AuditInputs.RULE_VIEW, AuditInputs.LABEL_VIEW));
        for (FeedContract feed : Contracts.get().feeds()) {
            provided.add("src_" + feed.feed());
        }
        List<ModelGraph.Node> plan = ModelGraph.plan(models, List.of(kpiInputs.unionModel(), auditInputs.unionModel()),
                provided);
        Set<String> known = new LinkedHashSet<>(provided);
        plan.forEach(node -> known.add(node.name()));
        List<ModelRunner.TestNode> testNodes = tests.stream()
                .map(test -> new ModelRunner.TestNode(test, ModelGraph.references(test.sql(), known))).toList();
        int totalSteps = 1 + plan.size() + tests.size() + 1;

        VersionStore.Staging staging = store.begin();
        AtomicInteger step = new AtomicInteger();
        Path vaultName = home.vault().resolve("person");
        ModelRunner runner = new ModelRunner(session, staging.dir(), vaultName, ModelRunner.defaultParallelism(),
                (name, nanos) -> done(step.incrementAndGet(), totalSteps, name, nanos));
        Path stagedVault = null;
        try {
            long phase = System.nanoTime();
            LandingSource landing = new LandingSource(session, uri(home.landing()));
            List<LandingSource.Batch> batches = landing.registerViews();
            kpiInputs.registerViews(session);
            auditInputs.registerViews(session);
            ExpectedSubmissions.register(session, ExpectedSubmissions.load(home.config().resolve("units.csv")));

            // rows of the landing views: the accepted rows the manifests declare, so extracting costs no Spark job per
            // feed (the data tests count them for real: reconcile_landing_rows per batch, reconcile_row_counts after)
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String view : provided) {
                rows.put(view, view.startsWith("src_") ? 0L : localRows(session.table(view)));
            }
            for (LandingSource.Batch b : batches) {
                rows.merge("src_" + b.feed(), Math.max(0, b.rows()), Long::sum);
            }
            done(step.incrementAndGet(), totalSteps, "landing → src_* (" + batches.size() + " batches in force)",
                    System.nanoTime() - phase);
            ModelRunner.Outcome outcome = runner.run(plan, testNodes);
            stagedVault = outcome.stagedVault();
            rows.putAll(outcome.rows());
            Map<String, Long> tables = new LinkedHashMap<>();
            for (ModelGraph.Node node : plan) {
                if (outcome.tables().containsKey(node.name())) {
                    tables.put(node.name(), outcome.tables().get(node.name()));
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

            requireNoPersonalColumns(session, tables.keySet());
            List<DataTests.Result> results = outcome.tests();
            DataTests.requirePassed(results);

            phase = System.nanoTime();
            if (stagedVault != null) {
                FolderSwap.replace(vaultName, stagedVault);
                stagedVault = null;
            }
            writeLineage(staging, batches, lineageModels, results);
            pauseIfAsked();
            store.publish(staging);
            store.prune(options.keepVersions());
            done(step.incrementAndGet(), totalSteps, "vault/person, lineage.json, publish", System.nanoTime() - phase);
            return new Result(staging.version(), batches, tables, results, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            ModelRunner.deleteRecursively(stagedVault);
            if (Files.exists(staging.dir())) {
                store.discard(staging);
            }
            runner.release();
        }
    }

    /** The rows of a view made from rows the driver holds, counted there; any other view by a Spark job. */
    private static long localRows(Dataset<Row> view) {
        return view.queryExecution().optimizedPlan() instanceof LocalRelation local ? local.data().size() : view.count();
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

    /** One progress line per finished step: {@code [k/n] name … seconds}. */
    private void done(int step, int total, String what, long nanos) {
        synchronized (options.progress()) {
            options.progress().printf("[%d/%d] %s … %.1f s%n", step, total, what, nanos / 1e9);
            options.progress().flush();
        }
    }

    static String uri(Path path) {
        return path.toAbsolutePath().toUri().toString();
    }
}
