package cn.yinling.etl;

import java.util.List;

/**
 * Data tests (models/tests/*.sql): each query returns the rows that break a rule; zero rows passes. ModelRunner runs
 * each one as soon as the tables it reads are written, against the Parquet read back, so they test what would be
 * published.
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

    public static void requirePassed(List<Result> results) {
        List<Result> failures = results.stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty()) {
            throw new Failed(failures);
        }
    }
}
