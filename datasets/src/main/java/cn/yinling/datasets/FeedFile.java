package cn.yinling.datasets;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One feed file being written: title rows, header, data rows, footers, and its entry in the truth (batch counts,
 * planted rejections, ingest plan). Rows are counted here so the truth cannot drift from the file.
 */
final class FeedFile implements Closeable {

    enum Format {
        CSV_UTF8, CSV_UTF8_BOM, CSV_GB18030, XLSX
    }

    static final Charset GB18030 = Charset.forName("GB18030");

    private final String relative;
    private final String feed;
    private final String period;
    private final String unit;
    private final Truth truth;
    private final TableSink sink;
    private final Format format;
    private long dataRows;
    private long quarantined;
    private long footers;

    FeedFile(Path out, String feed, String period, String unit, String fileName, Format format, Truth truth)
            throws IOException {
        this.relative = feed + "/" + fileName;
        this.feed = feed;
        this.period = period;
        this.unit = unit;
        this.truth = truth;
        this.format = format;
        Path file = out.resolve(feed).resolve(fileName);
        Files.createDirectories(file.getParent());
        this.sink = switch (format) {
            case CSV_UTF8 -> new CsvSink(file, StandardCharsets.UTF_8, false);
            case CSV_UTF8_BOM -> new CsvSink(file, StandardCharsets.UTF_8, true);
            case CSV_GB18030 -> new CsvSink(file, GB18030, false);
            case XLSX -> new XlsxSink(file, "Sheet1", "yyyy-mm-dd");
        };
    }

    static String header(String feed, String key) {
        FeedContract contract = Contracts.get().feed(feed).orElseThrow();
        return contract.column(key).map(ColumnSpec::header).orElseThrow(() -> new IllegalArgumentException(key));
    }

    /** The Chinese label of a stored code, e.g. household_status active → 正常. */
    static String label(String codeList, String code) {
        return LABELS.computeIfAbsent(codeList + '\u0001' + code, k -> Contracts.get().codeList(codeList).labelOf(code)
                .orElseThrow(() -> new IllegalArgumentException(code)));
    }

    /** Labels looked up once: millions of cells name a handful of codes. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LABELS =
            new java.util.concurrent.ConcurrentHashMap<>();

    Format format() {
        return format;
    }

    boolean xlsx() {
        return format == Format.XLSX;
    }

    String relativePath() {
        return relative;
    }

    /** A title or note row above the header (one cell). */
    void title(String text) throws IOException {
        sink.row(text);
    }

    /** The header row; a header the contract does not know (序号 …) is an EXTRA_COLUMN warning of the landing step. */
    void header(Object... headers) throws IOException {
        int row = sink.row(headers);
        FeedContract contract = Contracts.get().feed(feed).orElseThrow();
        for (Object h : headers) {
            String text = java.text.Normalizer.normalize(String.valueOf(h), java.text.Normalizer.Form.NFKC).strip();
            String bare = text.replaceAll("\\(元\\)$", "").replace(" ", "");
            boolean known = contract.columns().stream()
                    .anyMatch(c -> c.header().equals(bare) || c.key().equalsIgnoreCase(bare));
            if (!known) {
                truth.warn(relative, row, text, "EXTRA_COLUMN");
            }
        }
    }

    /** A loaded data row the landing step lists with a warning (UNKNOWN_PROVIDER). */
    void warn(int row, String column, String rule) {
        truth.warn(relative, row, column, rule);
    }

    /** A data row; returns its row number. */
    int data(Object... cells) throws IOException {
        dataRows++;
        return sink.row(cells);
    }

    /** The data row numbered {@code row} breaks {@code rule} in {@code column} (English key). */
    void reject(int row, String column, String rule) {
        quarantined++;
        truth.reject(relative, row, column, rule);
    }

    void footer(Object... cells) throws IOException {
        footers++;
        sink.row(cells);
    }

    void blank() throws IOException {
        sink.blank();
    }

    long dataRows() {
        return dataRows;
    }

    @Override
    public void close() throws IOException {
        sink.close();
        truth.batch(new Truth.Batch(relative, feed, period, unit, dataRows, dataRows - quarantined, quarantined,
                footers));
    }
}
