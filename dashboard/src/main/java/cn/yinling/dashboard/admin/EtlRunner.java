package cn.yinling.dashboard.admin;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.EtlRunRow;
import cn.yinling.warehouse.store.AgingHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ETL ({@code ./aging etl}) as a child process, one at a time, keeping its last output lines for the admin
 * page and recording each run and its result in the app store. The dashboard JVM never loads Spark; the new
 * warehouse version goes live when the ETL publishes it (the reader notices CURRENT changing).
 */
public final class EtlRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtlRunner.class);
    private static final int KEPT_LINES = 200;

    /** The run going on now: its row id, its process and the last lines it printed. */
    public static final class Current {
        final long id;
        final Process process;
        final Deque<String> lines = new ArrayDeque<>();

        Current(long id, Process process) {
            this.id = id;
            this.process = process;
        }

        public long id() {
            return id;
        }

        public synchronized List<String> lines() {
            return new ArrayList<>(lines);
        }

        synchronized void add(String line) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    private final AppStore store;
    private final List<String> command;
    private final AgingHome home;
    private final AtomicReference<Current> current = new AtomicReference<>();
    /** Lines of the last finished run, so the page can still show how it ended. */
    private volatile List<String> lastLines = List.of();
    private volatile Long lastId;

    public EtlRunner(AppStore store, List<String> command, AgingHome home) {
        this.store = store;
        this.command = List.copyOf(command);
        this.home = home;
        store.etlRuns().markInterrupted(System.currentTimeMillis());
    }

    /** Starts a run; empty when one is already running. */
    public synchronized Optional<Long> start(String startedBy) throws IOException {
        if (current.get() != null) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AGING_HOME", home.root().toString());
        long id = store.etlRuns().insert(System.currentTimeMillis(), startedBy);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            store.etlRuns().finish(id, System.currentTimeMillis(), "failed", null, null, "无法启动 ETL：" + e.getMessage());
            throw e;
        }
        process.getOutputStream().close();
        Current run = new Current(id, process);
        current.set(run);
        Thread reader = new Thread(() -> follow(run), "etl-run-" + id);
        reader.setDaemon(true);
        reader.start();
        LOG.info("ETL run {} started by {}", id, startedBy);
        return Optional.of(id);
    }

    private void follow(Current run) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                run.add(line.length() > 500 ? line.substring(0, 500) + "…" : line);
            }
        } catch (IOException e) {
            run.add("读取 ETL 输出失败：" + e.getMessage());
        }
        int exit;
        try {
            exit = run.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.process.destroy();
            exit = -1;
        }
        List<String> lines = run.lines();
        String last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        store.etlRuns().finish(run.id, System.currentTimeMillis(), exit == 0 ? "succeeded" : "failed", exit,
                exit == 0 ? liveVersion() : null, last);
        lastLines = lines;
        lastId = run.id;
        current.set(null);
        LOG.info("ETL run {} finished with exit code {}", run.id, exit);
    }

    private Integer liveVersion() {
        try {
            String text = Files.readString(home.currentPointer()).trim();
            return Integer.valueOf(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public Optional<Current> running() {
        return Optional.ofNullable(current.get());
    }

    /** The output lines of a run: live for the current run, kept for the last finished one, else none. */
    public List<String> lines(long id) {
        Current run = current.get();
        if (run != null && run.id == id) {
            return run.lines();
        }
        Long last = lastId;
        return last != null && last == id ? lastLines : List.of();
    }

    public List<EtlRunRow> recent(int limit) {
        return store.etlRuns().recent(limit);
    }

    public Optional<EtlRunRow> find(long id) {
        return store.etlRuns().find(id);
    }

    /** Stops a run still going when the server stops; the run is recorded as failed. */
    @Override
    public void close() {
        Current run = current.get();
        if (run != null) {
            run.process.destroy();
        }
    }
}
