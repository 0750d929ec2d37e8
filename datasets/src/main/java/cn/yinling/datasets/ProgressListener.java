package cn.yinling.datasets;

/** Told how far generation has come; the CLI draws a progress bar from it. Called from the generating thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (label, done, total) -> { };

    /**
     * @param label what is being done, in Chinese (e.g. {@code 户籍人口 2024-03})
     * @param done units done within this step
     * @param total units of this step (≥ 1)
     */
    void step(String label, long done, long total);
}
