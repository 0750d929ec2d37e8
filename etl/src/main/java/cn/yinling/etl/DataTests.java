package cn.yinling.etl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;

/**
 * Data tests (models/tests/*.sql): each query returns the rows that break a rule; zero rows passes. They run after
 * the tables are written, against the Parquet read back, so they test what would be published.
 */
public final class DataTests {

    public record Result(String name, long failingRows) {
        public boolean passed() {
            return failingRows == 0;
        }
    }

    /** Thrown when any data test fails: the run publishes nothing. */
    public static final class Failed extends RuntimeException {
        private final List<Result> failures;

        Failed(List<Result> failures) {
            super(message(failures));
            this.failures = List.copyOf(failures);
        }

        public List<Result> failures() {
            return failures;
        }

        private static String message(List<Result> failures) {
            StringBuilder zh = new StringBuilder("数据测试未通过，新版本未发布，当前版本保持不变：");
            StringBuilder en = new StringBuilder("Data tests failed, nothing was published: ");
            for (int i = 0; i < failures.size(); i++) {
                Result r = failures.get(i);
                zh.append(i == 0 ? "" : "；").append(r.name()).append("（").append(r.failingRows()).append(" 行不合格）");
                en.append(i == 0 ? "" : "; ").append(r.name()).append(" (").append(r.failingRows()).append(" failing rows)");
            }
            zh.append("。请检查对应批次的数据后重新上传或重新运行。");
            return zh + "\n" + en;
        }
    }

    private DataTests() {
    }

    /**
     * Runs every test and returns the results in the order given. Each test is a small job whose time goes mostly
     * to planning and scheduling on the driver, so a few run at once: that keeps both cores of a small machine busy.
     */
    public static List<Result> run(SparkSession spark, List<Model> tests) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_TESTS, runnable -> {
            Thread thread = new Thread(runnable, "aging-data-test");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Result>> running = new ArrayList<>();
            for (Model test : tests) {
                running.add(pool.submit(() -> new Result(test.name(), spark.sql(test.statement()).count())));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the data tests", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static final int PARALLEL_TESTS = 3;

    public static void requirePassed(List<Result> results) {
        List<Result> failures = results.stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty()) {
            throw new Failed(failures);
        }
    }
}
