package cn.yinling.datasets;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: population scale (1.0 = the real city, about 10.4 million registered residents), the months
 * covered, the random seed, whether household snapshots are monthly or quarterly, and the output folder.
 */
public record GeneratorOptions(double scale, YearMonth from, YearMonth to, long seed, boolean quarterlySnapshots, Path out) {

    public static final double DEFAULT_SCALE = 0.02;
    public static final YearMonth DEFAULT_FROM = YearMonth.of(2024, 1);
    public static final YearMonth DEFAULT_TO = YearMonth.of(2024, 12);
    public static final long DEFAULT_SEED = 1L;

    public GeneratorOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(out, "out");
        if (!(scale > 0 && scale <= 2.0)) {
            throw new IllegalArgumentException("规模 scale 须大于 0 且不超过 2，实际为 " + scale);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("结束月份 " + to + " 早于开始月份 " + from);
        }
        if (from.getYear() < 2000 || to.getYear() > 2099) {
            throw new IllegalArgumentException("月份须在 2000-01 至 2099-12 之间");
        }
        if (from.plusMonths(120).isBefore(to)) {
            throw new IllegalArgumentException("最多生成 120 个月");
        }
    }

    /** scale 0.02, 2024-01..2024-12, seed 1, monthly snapshots. */
    public static GeneratorOptions defaults(Path out) {
        return new GeneratorOptions(DEFAULT_SCALE, DEFAULT_FROM, DEFAULT_TO, DEFAULT_SEED, false, out);
    }
}
