package cn.yinling.dashboard.cli;

import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars (the library draws on stderr), one per labelled step, so that stdout stays clean for --json and csv output. */
final class Progress implements AutoCloseable {

    private final Map<String, ProgressBar> bars = new HashMap<>();

    void step(String label, long done, long total) {
        ProgressBar bar = bars.computeIfAbsent(label, l -> new ProgressBarBuilder()
                .setTaskName(l)
                .setInitialMax(Math.max(total, 1))
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .build());
        bar.maxHint(Math.max(total, 1));
        bar.stepTo(done);
        if (done >= total) {
            bar.close();
        }
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
    }
}
