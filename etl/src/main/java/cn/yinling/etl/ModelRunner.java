package cn.yinling.etl;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import cn.yinling.warehouse.store.FolderSwap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the models of a plan and runs the data tests: each model as soon as the models it reads are built, each data
 * test as soon as the tables it reads are written, a few at a time. Most models of a run are small, and their time
 * goes to planning, code generation and scheduling on the driver rather than to the data; running independent ones
 * side by side keeps the cores busy, and a test no longer waits for the last model. Every model's result depends on
 * its inputs only, so the order in which independent models finish changes nothing in what is published.
 *
 * <p>A model costs one Spark job (its local checkpoint, which also counts its rows through an {@link Observation}); a
 * published table or a model stored as a table two (its Parquet files, and its row count from their footers); an
 * ephemeral model none; a data test one.
 */
final class ModelRunner {

    /**
     * Rows out of every model (-1 for the vault and the ephemeral models), the published tables, the data tests'
     * results in the order given and the vault as written into a staging folder (null when the plan has no vault
     * model).
     */
    record Outcome(Map<String, Long> rows, Map<String, Long> tables, List<DataTests.Result> tests, Path stagedVault) {
    }

    /** A data test and the names it reads. */
    record TestNode(Model test, Set<String> inputs) {
    }

    /** The staging folder's subfolder of the models stored as tables; removed before the version is published. */
    static final String WORK_FOLDER = "_work";

    private final SparkSession session;
    private final Path stagingDir;
    private final Path vaultName;
    private final int parallelism;
    private final BiConsumer<String, Long> finished;
    private final List<Dataset<Row>> materialised = Collections.synchronizedList(new ArrayList<>());
    /** The checkpoint of each model read by later steps, and how many of those steps have not finished yet. */
    private final Map<String, Dataset<Row>> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, Integer> unfinishedReaders = new HashMap<>();
    /** The folder of each model stored as a table, removed when its last reader has finished. */
    private final Map<String, Path> storedTables = new ConcurrentHashMap<>();
    /**
     * The session catalog's table over the files of each model written in buckets ({@link Model#clusteredBy()}): an
     * external table, so dropping it (when its last reader has finished, and for the marts at the end of the run)
     * leaves the files to this runner and the publish step. Named per run: tests run several ETLs in one session.
     */
    private final Map<String, String> bucketedTables = new ConcurrentHashMap<>();
    private final String tablePrefix = "aging_run" + RUNS.incrementAndGet() + "_";
    private static final AtomicLong RUNS = new AtomicLong();
    /**
     * The inputs of each ephemeral model: its readers read them through its view, so they are released only when the
     * ephemeral model's own last reader has finished.
     */
    private final Map<String, Set<String>> ephemeralInputs = new HashMap<>();

    /**
     * @param vaultName the folder the vault model is published to ({@code vault/person}); it is written to a staging
     *                  sibling here and switched in by the caller once the tests have passed
     * @param finished  told the name and build time (ns) of each model and test as it completes
     */
    ModelRunner(SparkSession session, Path stagingDir, Path vaultName, int parallelism, BiConsumer<String, Long> finished) {
        this.session = session;
        this.stagingDir = stagingDir;
        this.vaultName = vaultName;
        this.parallelism = parallelism;
        this.finished = finished;
    }

    /** Threads building models at once: one more than the cores, so a core is never idle while a job is planned. */
    static int defaultParallelism() {
        return Math.min(4, Runtime.getRuntime().availableProcessors() + 1);
    }

    Outcome run(List<ModelGraph.Node> plan, List<TestNode> tests) {
        Map<String, Long> rows = new ConcurrentHashMap<>();
        Map<String, Long> tables = new ConcurrentHashMap<>();
        Map<String, Long> failingRows = new ConcurrentHashMap<>();
        AtomicReference<Path> vault = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "aging-model");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, CompletableFuture<Void>> built = new HashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        plan.forEach(node -> node.inputs().forEach(input -> unfinishedReaders.merge(input, 1, Integer::sum)));
        plan.stream().filter(ModelGraph.Node::isEphemeral).forEach(node -> ephemeralInputs.put(node.name(), node.inputs()));
        tests.forEach(test -> test.inputs().forEach(input -> unfinishedReaders.merge(input, 1, Integer::sum)));
        try {
            for (ModelGraph.Node node : plan) {
                CompletableFuture<Void> future = after(node.inputs(), built, pool, failed, () -> {
                    long started = System.nanoTime();
                    build(node, rows, tables, vault);
                    finished.accept(node.name(), System.nanoTime() - started);
                    if (!node.isEphemeral() || !hasReaders(node.name())) {
                        readBy(node.inputs());
                    }
                });
                built.put(node.name(), future);
                all.add(future);
            }
            for (TestNode test : tests) {
                all.add(after(test.inputs(), built, pool, failed, () -> {
                    long started = System.nanoTime();
                    SparkSession.setActiveSession(session);
                    session.sparkContext().setJobDescription("data test " + test.test().name());
                    failingRows.put(test.test().name(), session.sql(test.test().statement()).count());
                    finished.accept("data test " + test.test().name(), System.nanoTime() - started);
                    readBy(test.inputs());
                }));
            }
            // Wait for every step, failed or not, so that no job is still running when the caller cleans up.
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            for (CompletableFuture<Void> step : all) {
                step.join();
            }
        } catch (RuntimeException e) {
            // a failed run publishes no vault: its staged copy goes
            deleteRecursively(vault.get());
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdown();
            bucketedTables.keySet().forEach(this::dropBucketedTable);
            deleteRecursively(stagingDir.resolve(WORK_FOLDER));
        }
        List<DataTests.Result> results = tests.stream()
                .map(t -> new DataTests.Result(t.test().name(), failingRows.get(t.test().name()))).toList();
        return new Outcome(rows, tables, results, vault.get());
    }

    /**
     * Runs {@code step} on {@code pool} once the named inputs built here are done. After a failure nothing new starts
     * (a step whose input failed fails with it; the others are skipped), and what is running finishes.
     */
    private static CompletableFuture<Void> after(Set<String> inputs, Map<String, CompletableFuture<Void>> built,
                                                 ExecutorService pool, AtomicBoolean failed, Runnable step) {
        CompletableFuture<?>[] ready = inputs.stream().map(built::get).filter(Objects::nonNull)
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> future = CompletableFuture.allOf(ready).thenRunAsync(() -> {
            if (!failed.get()) {
                step.run();
            }
        }, pool);
        future.whenComplete((done, failure) -> {
            if (failure != null) {
                failed.set(true);
            }
        });
        return future;
    }

    /** Removes a staged folder that will not be published (null: nothing to remove). */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /**
     * A step that read {@code inputs} has finished: the checkpoints no later step reads are given back at once, so a
     * run holds only the views still to be read rather than every view it built.
     */
    private void readBy(Set<String> inputs) {
        for (String input : inputs) {
            boolean last;
            synchronized (unfinishedReaders) {
                last = unfinishedReaders.merge(input, -1, Integer::sum) == 0;
            }
            Set<String> readThrough = last ? ephemeralInputs.get(input) : null;
            if (readThrough != null) {
                readBy(readThrough);
            }
            Dataset<Row> checkpoint = last ? checkpoints.remove(input) : null;
            if (checkpoint != null) {
                unpersist(checkpoint);
            }
            if (last) {
                dropBucketedTable(input);
            }
            Path stored = last ? storedTables.remove(input) : null;
            if (stored != null) {
                deleteRecursively(stored);
            }
        }
    }

    /**
     * Blocking: a non-blocking removal answers later on a thread pool that stopping Spark shuts down, and its late
     * answers ended in RejectedExecutionException stack traces after the run.
     */
    private static void unpersist(Dataset<Row> checkpoint) {
        if (checkpoint.queryExecution().analyzed() instanceof LogicalRDD rdd) {
            rdd.rdd().unpersist(true);
        }
    }

    private void dropBucketedTable(String model) {
        String table = bucketedTables.remove(model);
        if (table != null) {
            session.sql("DROP TABLE IF EXISTS " + table);
        }
    }

    private boolean hasReaders(String name) {
        synchronized (unfinishedReaders) {
            return unfinishedReaders.getOrDefault(name, 0) > 0;
        }
    }

    /** Gives back the memory and disk the materialised views hold. */
    void release() {
        synchronized (materialised) {
            for (Dataset<Row> view : materialised) {
                unpersist(view);
            }
            materialised.clear();
        }
    }

    private void build(ModelGraph.Node node, Map<String, Long> rows, Map<String, Long> tables,
                       AtomicReference<Path> vault) {
        SparkSession.setActiveSession(session);
        session.sparkContext().setJobDescription(node.name());
        Dataset<Row> result = node.sql() != null ? session.sql(node.sql().statement()) : node.java().build().apply(session);
        long out;
        if (node.isEphemeral()) {
            // not counted: counting would compute it once more than its readers do
            out = -1;
        } else if (node.isVault()) {
            // vault/person is replaced in one atomic switch (FolderSwap) once the tests have passed, so a reader never
            // sees half a vault. Each file sorted by person_key, so a lookup reads only the row groups that can hold
            // the key; no global sort, which would sample the vault and shuffle it once more.
            Path staged = FolderSwap.stagingFor(vaultName);
            vault.set(staged);
            createDirectories(staged.getParent());
            result.sortWithinPartitions("person_key").write().parquet(EtlRun.uri(staged));
            out = -1;
        } else if (node.isPublished() || node.isStoredAsTable()) {
            // Written as the query's own partitions, neither checkpointed first nor shuffled again for a layout: at
            // scale 1.0 a published table's checkpoint, hash spread and sort by all columns cost as much as
            // computing it (dim_person: 76 of 182 executor seconds).
            Path dir = node.isPublished() ? stagingDir.resolve(node.name())
                    : stagingDir.resolve(WORK_FOLDER).resolve(node.name());
            // later steps and the data tests read what was written, which for a mart is what will be published
            String clusteredBy = node.clusteredBy();
            if (clusteredBy == null) {
                result.write().parquet(EtlRun.uri(dir));
                result = session.read().schema(result.schema()).parquet(EtlRun.uri(dir));
            } else {
                String table = tablePrefix + node.name();
                int buckets = Integer.parseInt(session.conf().get("spark.sql.shuffle.partitions"));
                result.write().format("parquet").bucketBy(buckets, clusteredBy).option("path", EtlRun.uri(dir))
                        .saveAsTable(table);
                bucketedTables.put(node.name(), table);
                result = session.table(table);
            }
            // counted from the Parquet footers: no second pass over the rows
            out = result.count();
            if (node.isPublished()) {
                tables.put(node.name(), out);
            } else {
                storedTables.put(node.name(), dir);
            }
        } else {
            Observation counted = new Observation("rows_" + node.name());
            result = materialise(result.observe(counted, count(lit(1)).as("rows")));
            out = rowsObserved(counted);
            checkpoints.put(node.name(), result);
        }
        result.createOrReplaceTempView(node.name());
        rows.put(node.name(), out);
    }

    /** The row count the checkpoint's job observed (it has finished, so this does not wait). */
    private static long rowsObserved(Observation counted) {
        try {
            return ((Number) counted.getAsJava().get("rows")).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a row count", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Computes a view once and cuts its lineage (a local checkpoint): later models read the stored rows through a
     * plan of one node. Caching with persist() keeps every view's whole plan, and Spark compares each new query
     * with every cached plan, which made the late steps of a run slower and slower.
     */
    private Dataset<Row> materialise(Dataset<Row> view) {
        Dataset<Row> local = view.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
        materialised.add(local);
        return local;
    }
}
