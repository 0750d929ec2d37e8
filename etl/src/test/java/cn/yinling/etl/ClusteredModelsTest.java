package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with {@code -- clustered_by: <column>} is written in buckets and read back as a table that knows them: a
 * window by that column over it runs without a shuffle, and its result is the same as over the unbucketed copy.
 */
class ClusteredModelsTest {

    @TempDir
    Path staging;

    private static Model model(String folder, String name, String sql) {
        return new Model(folder, name, folder + "/" + name + ".sql", sql);
    }

    @Test
    void aWindowByTheClusteringColumnReadsTheBucketsInPlace() throws Exception {
        SparkSession session = SharedSpark.get().newSession();
        session.sql("select cast(id % 37 as string) as person_key, id as n from range(0, 2000)")
                .createOrReplaceTempView("src_people");
        String rows = "-- materialized: table\n%sselect person_key, n from src_people\n";
        // every row's gap to the person's previous one: a window Spark cannot cut short before a shuffle
        String gaps = "select person_key, n, n - lag(n) over (partition by person_key order by n) as gap from %s";
        List<Model> models = List.of(
                model("staging", "stg_bucketed", rows.formatted("-- clustered_by: person_key\n")),
                model("staging", "stg_plain", rows.formatted("")),
                model("marts", "mart_gaps_bucketed", gaps.formatted("stg_bucketed")),
                model("marts", "mart_gaps_plain", gaps.formatted("stg_plain")));
        List<ModelGraph.Node> plan = ModelGraph.plan(models, List.of(), Set.of("src_people"));
        ShuffleBytes shuffles = new ShuffleBytes();
        session.sparkContext().addSparkListener(shuffles);
        try {
            ModelRunner.Outcome outcome = new ModelRunner(session, staging, staging.resolve("vault"), 2, (n, t) -> { })
                    .run(plan, List.of());
            assertEquals(2000L, outcome.tables().get("mart_gaps_bucketed"));
            shuffles.awaitJob("mart_gaps_bucketed");
            shuffles.awaitJob("mart_gaps_plain");
            // Only the partial row counts of the runner's count() may cross a shuffle, one per task: shuffling the
            // rows would write at least a record per person (37).
            assertTrue(shuffles.recordsOf("mart_gaps_bucketed") < 37,
                    "the bucketed rows must not be shuffled: " + shuffles.recordsOf("mart_gaps_bucketed"));
            assertTrue(shuffles.recordsOf("mart_gaps_plain") >= 2000,
                    "control: the same window over plain files shuffles every row: " + shuffles.recordsOf("mart_gaps_plain"));
        } finally {
            session.sparkContext().removeSparkListener(shuffles);
        }
        List<Row> bucketed = session.read().parquet(staging.resolve("mart_gaps_bucketed").toUri().toString())
                .orderBy("person_key", "n").collectAsList();
        List<Row> plain = session.read().parquet(staging.resolve("mart_gaps_plain").toUri().toString())
                .orderBy("person_key", "n").collectAsList();
        assertEquals(plain, bucketed);
        // person 0 holds n = 0, 37, 74 …: no gap before the first, 37 after
        assertEquals(2000, bucketed.size());
        assertEquals(List.of("0", 0L), List.of(bucketed.get(0).getString(0), bucketed.get(0).getLong(1)));
        assertTrue(bucketed.get(0).isNullAt(2));
        assertEquals(List.of(37L, 37L), List.of(bucketed.get(1).getLong(1), bucketed.get(1).getLong(2)));
        // the work table's files are gone, the mart's stay for publishing; neither is left in the session catalog
        // (what it lists besides are the run's temporary views)
        assertFalse(Files.exists(staging.resolve(ModelRunner.WORK_FOLDER)));
        assertTrue(Files.isDirectory(staging.resolve("mart_gaps_bucketed")));
        assertEquals(List.of(), session.catalog().listTables().collectAsList().stream()
                .filter(t -> !t.isTemporary()).map(t -> t.name()).toList());
    }

    /** Shuffle records written per job description (the runner describes each job by its model's name). */
    private static final class ShuffleBytes extends SparkListener {
        private final Map<Integer, String> stageModels = new ConcurrentHashMap<>();
        private final Map<Integer, String> jobModels = new ConcurrentHashMap<>();
        private final Map<String, Long> records = new ConcurrentHashMap<>();
        private final Set<String> ended = ConcurrentHashMap.newKeySet();

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            String model = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
            if (model != null) {
                jobModels.put(job.jobId(), model);
                job.stageInfos().foreach(stage -> stageModels.put(stage.stageId(), model));
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd task) {
            String model = stageModels.get(task.stageId());
            if (model != null && task.taskMetrics() != null) {
                records.merge(model, task.taskMetrics().shuffleWriteMetrics().recordsWritten(), Long::sum);
            }
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd job) {
            String model = jobModels.get(job.jobId());
            if (model != null) {
                ended.add(model);
            }
        }

        /** Listener events arrive after the jobs; a job's end comes after its tasks' ends. */
        void awaitJob(String model) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ended.contains(model) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ended.contains(model), "no job of " + model + " was seen");
        }

        long recordsOf(String model) {
            return records.getOrDefault(model, 0L);
        }
    }
}
