package cn.yinling.warehouse.land;

import cn.yinling.warehouse.read.RawRow;
import cn.yinling.warehouse.read.RowSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The first two of the three stages of a landing pass, each on its own thread: one reads the file, finds the header
 * row and skips blank, footer and repeated header rows; the next checks each data row against the contract. The
 * calling thread takes the checked rows in file order and does what must happen one row after another (duplicate
 * keys, writing). Measured on 2 cores (10.4 million household rows), reading was about a third of the first two
 * stages' cost and checking two thirds, and as one thread they were the pass's bottleneck while the calling thread
 * idled a quarter of the time; as three threads the operating system keeps both cores busy. The queues between the
 * stages are bounded: memory stays flat whatever the file size.
 */
final class ValidatingReader implements AutoCloseable {

    /** A data row after the row-local checks. {@code findings} is null when there are none. */
    record CheckedRow(int rowNumber, Object[] values, List<Rejection> findings, boolean loadable) {
    }

    /** The header row found (with its layout), or, when there is none, the row that came closest. */
    record HeaderOutcome(RawRow header, HeaderMatcher.Layout layout, RawRow closest) {
        boolean found() {
            return header != null;
        }
    }

    /** How many non-blank rows may stand above the header (titles, 填报单位 …) before we give up looking for it. */
    static final int HEADER_SEARCH_ROWS = 50;
    private static final int CHUNK = 1024;
    private static final int CHUNKS_IN_FLIGHT = 16;
    private static final String FOOTER_FIRST_CHARS = "合总小制审填备说";
    private static final String[] FOOTER_PREFIXES = {"合计", "总计", "小计", "制表", "审核", "填表", "备注", "说明"};

    private record End(long footerRows) {
    }

    /** Chunks of rows read and not yet checked, then the End marker or the reader's exception. */
    private final BlockingQueue<Object> read = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    /** The header outcome, then chunks of checked rows, then the End marker or an exception. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    private final Thread thread;
    /** Started by the reading thread once the header is found. */
    private volatile Thread checker;
    private volatile boolean cancelled;
    private List<CheckedRow> chunk = List.of();
    private int position;
    private boolean ended;
    private long footerRows;

    /**
     * @param validators builds the row checker once the header's layout is known
     */
    ValidatingReader(RowSource source, HeaderMatcher matcher, Function<HeaderMatcher.Layout, RowValidator> validators) {
        thread = new Thread(() -> run(source, matcher, validators), "landing-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(RowSource source, HeaderMatcher matcher, Function<HeaderMatcher.Layout, RowValidator> validators) {
        HeaderOutcome header;
        RowValidator validator;
        try {
            header = findHeader(source, matcher);
            validator = header.found() ? validators.apply(header.layout()) : null;
        } catch (IOException | RuntimeException e) {
            put(queue, e);
            return;
        }
        if (!put(queue, header) || validator == null) {
            return;
        }
        Thread checking = new Thread(() -> check(validator), "landing-checker");
        checking.setDaemon(true);
        checker = checking;
        checking.start();
        Object last;
        try {
            last = readRows(source, matcher, header.header());
            if (last == null) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            last = e;
        }
        put(read, last);
    }

    private static HeaderOutcome findHeader(RowSource source, HeaderMatcher matcher) throws IOException {
        RawRow closest = null;
        int closestScore = -1;
        int seen = 0;
        RawRow row;
        while (seen < HEADER_SEARCH_ROWS && (row = nextRow(source)) != null) {
            if (isBlank(row)) {
                continue;
            }
            seen++;
            if (matcher.isHeader(row)) {
                return new HeaderOutcome(row, matcher.layout(row), null);
            }
            int score = matcher.requiredMatches(row);
            if (score > closestScore) {
                closest = row;
                closestScore = score;
            }
        }
        return new HeaderOutcome(null, null, closest);
    }

    /** Puts the data rows on {@link #read} in chunks. @return the End marker, or null when cancelled */
    private Object readRows(RowSource source, HeaderMatcher matcher, RawRow header) throws IOException {
        int firstHeaderCell = firstNonBlankCell(header);
        String firstHeaderText = header.cell(firstHeaderCell);
        long footers = 0;
        List<RawRow> rows = new ArrayList<>(CHUNK);
        RawRow row;
        while (!cancelled && (row = nextRow(source)) != null) {
            int first = firstNonBlankCell(row);
            if (first < 0) {
                continue;
            }
            if (isFooter(row.cells()[first])) {
                footers++;
                continue;
            }
            // Reports exported page by page repeat their header row; it is not data.
            if (first == firstHeaderCell && firstHeaderText.equals(row.cell(first)) && matcher.isHeader(row)) {
                continue;
            }
            rows.add(row);
            if (rows.size() == CHUNK) {
                if (!put(read, rows)) {
                    return null;
                }
                rows = new ArrayList<>(CHUNK);
            }
        }
        if (cancelled || !rows.isEmpty() && !put(read, rows)) {
            return null;
        }
        return new End(footers);
    }

    /** The checking stage: each chunk read becomes a chunk of checked rows; the last item is passed on as it is. */
    @SuppressWarnings("unchecked")
    private void check(RowValidator validator) {
        try {
            Object item;
            while ((item = poll(read)) instanceof List<?> chunk) {
                List<CheckedRow> checked = new ArrayList<>(chunk.size());
                for (RawRow row : (List<RawRow>) chunk) {
                    Object[] values = new Object[validator.columnCount()];
                    List<Rejection> findings = new ArrayList<>(0);
                    boolean loadable = validator.validate(row, values, findings::add);
                    checked.add(new CheckedRow(row.rowNumber(), values, findings.isEmpty() ? null : findings,
                            loadable));
                }
                if (!put(queue, checked)) {
                    return;
                }
            }
            if (item != null) {
                put(queue, item);
            }
        } catch (RuntimeException e) {
            put(queue, e);
        }
    }

    /** The source's next row; a reader that breaks down on a corrupt file is the file's fault, whatever it throws. */
    private static RawRow nextRow(RowSource source) throws IOException {
        try {
            return source.next();
        } catch (RuntimeException e) {
            throw new IOException("the row reader failed", e);
        }
    }

    private boolean put(BlockingQueue<Object> to, Object item) {
        try {
            while (!cancelled) {
                if (to.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next item of {@code from}, or null when cancelled. */
    private Object poll(BlockingQueue<Object> from) {
        try {
            while (!cancelled) {
                Object item = from.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private Object take() throws IOException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the file");
        }
        if (item instanceof IOException e) {
            ended = true;
            throw new UnreadableFileException(e);
        }
        if (item instanceof RuntimeException e) {
            // A bug in a checker must not pass for a corrupt upload.
            ended = true;
            throw e;
        }
        return item;
    }

    /** Blocks until the header row is found or given up on; call once, first. */
    HeaderOutcome header() throws IOException {
        return (HeaderOutcome) take();
    }

    /** The next checked data row in file order, or null at the end. */
    @SuppressWarnings("unchecked")
    CheckedRow next() throws IOException {
        while (position >= chunk.size()) {
            if (ended) {
                return null;
            }
            Object item = take();
            if (item instanceof End end) {
                ended = true;
                footerRows = end.footerRows();
                return null;
            }
            chunk = (List<CheckedRow>) item;
            position = 0;
        }
        return chunk.get(position++);
    }

    /**
     * The next checked data rows in file order, as many as the checking thread has ready in one piece, or null at the
     * end. Use either this or {@link #next}, not both.
     */
    @SuppressWarnings("unchecked")
    List<CheckedRow> nextChunk() throws IOException {
        if (position < chunk.size()) {
            List<CheckedRow> rest = chunk.subList(position, chunk.size());
            position = chunk.size();
            return rest;
        }
        while (!ended) {
            Object item = take();
            if (item instanceof End end) {
                ended = true;
                footerRows = end.footerRows();
                return null;
            }
            List<CheckedRow> rows = (List<CheckedRow>) item;
            if (!rows.isEmpty()) {
                chunk = rows;
                position = rows.size();
                return rows;
            }
        }
        return null;
    }

    /** Footer rows skipped; known once {@link #next} has returned null. */
    long footerRows() {
        return footerRows;
    }

    static boolean isBlank(RawRow row) {
        return firstNonBlankCell(row) < 0;
    }

    static int firstNonBlankCell(RawRow row) {
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a row whose first non-empty cell is this one is a footer (合计, 制表 …). */
    static boolean isFooter(String firstCell) {
        int i = 0;
        int n = firstCell.length();
        while (i < n && Character.isWhitespace(firstCell.charAt(i))) {
            i++;
        }
        if (i >= n || FOOTER_FIRST_CHARS.indexOf(firstCell.charAt(i)) < 0) {
            return false;
        }
        for (String prefix : FOOTER_PREFIXES) {
            if (firstCell.startsWith(prefix, i)) {
                return true;
            }
        }
        return false;
    }

    /** Stops the reading and checking threads (if still running) and waits for them. */
    @Override
    public void close() {
        cancelled = true;
        read.clear();
        queue.clear();
        try {
            thread.join(10_000);
            Thread checking = checker;
            if (checking != null) {
                checking.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
