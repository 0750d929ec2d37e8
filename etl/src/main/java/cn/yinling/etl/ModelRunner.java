package cn.yinling.etl;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the models of a plan: each one as soon as the models it reads are built, a few at a time. Most models of a
 * run are small, and their time goes to planning, code generation and scheduling on the driver rather than to the
 * data; running independent ones side by side keeps the cores busy. Every model's result depends on its inputs
 * only, so the order in which independent models finish changes nothing in what is published.
 */
final class ModelRunner {

    /** Rows out of every model (-1 for the vault, which is written later), the published tables and the vault. */
    record Outcome(Map<String, Long> rows, Map<String, Long> tables, Dataset<Row> vault) {
    }

    /** Rows per Parquet file of a published table: big enough for few files, small enough to write in parallel. */
    static final long ROWS_PER_FILE = 4_000_000L;

    private final SparkSession session;
    private final Path stagingDir;
    private final int parallelism;
    private final BiConsumer<String, Long> finished;
    private final List<Dataset<Row>> materialised = Collections.synchronizedList(new ArrayList<>());

    /** @param finished told the name and build time (ns) of each model as it completes */
    ModelRunner(SparkSession session, Path stagingDir, int parallelism, BiConsumer<String, Long> finished) {
        this.session = session;
        this.stagingDir = stagingDir;
        this.parallelism = parallelism;
        this.finished = finished;
    }

    /** Threads building models at once: one more than the cores, so a core is never idle while a job is planned. */
    static int defaultParallelism() {
        return Math.min(4, Runtime.getRuntime().availableProcessors() + 1);
    }

    Outcome run(List<ModelGraph.Node> plan) {
        Map<String, Long> rows = new ConcurrentHashMap<>();
        Map<String, Long> tables = new ConcurrentHashMap<>();
        AtomicReference<Dataset<Row>> vault = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "aging-model");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, CompletableFuture<Void>> built = new HashMap<>();
        try {
            for (ModelGraph.Node node : plan) {
                CompletableFuture<?>[] inputs = node.inputs().stream().map(built::get).filter(Objects::nonNull)
                        .toArray(CompletableFuture[]::new);
                built.put(node.name(), CompletableFuture.allOf(inputs).thenRunAsync(() -> {
                    long started = System.nanoTime();
                    SparkSession.setActiveSession(session);
                    build(node, rows, tables, vault);
                    finished.accept(node.name(), System.nanoTime() - started);
                }, pool));
            }
            CompletableFuture.allOf(built.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(rows, tables, vault.get());
    }

    /** Gives back the memory and disk the materialised views hold. */
    void release() {
        synchronized (materialised) {
            for (Dataset<Row> view : materialised) {
                if (view.queryExecution().analyzed() instanceof LogicalRDD rdd) {
                    rdd.rdd().unpersist(false);
                }
            }
            materialised.clear();
        }
    }

    private void build(ModelGraph.Node node, Map<String, Long> rows, Map<String, Long> tables,
                       AtomicReference<Dataset<Row>> vault) {
        Dataset<Row> result = node.sql() != null ? session.sql(node.sql().statement()) : node.java().build().apply(session);
        long out;
        if (node.isVault()) {
            vault.set(result);
            out = -1;
        } else {
            Dataset<Row> local = materialise(result);
            out = local.count();
            result = node.isPublished() ? writeTable(local, out, stagingDir.resolve(node.name())) : local;
            if (node.isPublished()) {
                tables.put(node.name(), out);
            }
        }
        result.createOrReplaceTempView(node.name());
        rows.put(node.name(), out);
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

    /**
     * Writes a mart in files whose content depends on the rows only (same inputs give the same files): rows are
     * spread over a number of files fixed by the row count, by a hash of all columns, and sorted by all columns
     * inside each file, so no global sort (a sampling job and a range shuffle per table) is needed. Returns the
     * table read back, so later models and the data tests read what will be published.
     */
    private Dataset<Row> writeTable(Dataset<Row> table, long rows, Path dir) {
        Column[] columns = Arrays.stream(table.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column[] order = Arrays.stream(table.columns()).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        int files = (int) Math.max(1, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Dataset<Row> spread = files == 1 ? table.coalesce(1) : table.repartition(files, columns);
        spread.sortWithinPartitions(order).write().parquet(EtlRun.uri(dir));
        return session.read().schema(table.schema()).parquet(EtlRun.uri(dir));
    }
}
