package cn.yinling.warehouse.land;

import cn.yinling.warehouse.read.RawRow;
import cn.yinling.warehouse.read.RowSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link RowSource} on its own thread, a chunk of rows at a time, so that decoding the file and validating its
 * rows run on two cores. The queue is bounded: a slow validator holds the reader back, memory stays flat.
 */
final class RowPump implements AutoCloseable {

    private static final int CHUNK = 2048;
    private static final int CHUNKS_IN_FLIGHT = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    private final Thread thread;
    private volatile boolean cancelled;
    private List<RawRow> chunk = List.of();
    private int position;
    private boolean ended;

    RowPump(RowSource source) {
        thread = new Thread(() -> pump(source), "landing-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(RowSource source) {
        Object last = END;
        try {
            List<RawRow> rows = new ArrayList<>(CHUNK);
            RawRow row;
            while (!cancelled && (row = source.next()) != null) {
                rows.add(row);
                if (rows.size() == CHUNK) {
                    if (!offer(rows)) {
                        return;
                    }
                    rows = new ArrayList<>(CHUNK);
                }
            }
            if (!rows.isEmpty() && !offer(rows)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            last = e;
        }
        offer(last);
    }

    private boolean offer(Object item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next row, or null at the end; a failure to read the file surfaces here as {@link UnreadableFileException}. */
    @SuppressWarnings("unchecked")
    RawRow next() throws IOException {
        while (position >= chunk.size()) {
            if (ended) {
                return null;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the file");
            }
            if (item == END) {
                ended = true;
                return null;
            }
            if (item instanceof Exception e) {
                ended = true;
                throw new UnreadableFileException(e);
            }
            chunk = (List<RawRow>) item;
            position = 0;
        }
        return chunk.get(position++);
    }

    /** Stops the reader (if still running) and waits for it. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
