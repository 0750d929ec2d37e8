package cn.yinling.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the generator knows and the warehouse must find: the planted rejections, the expected batch counts, and the
 * order to ingest the files in.
 */
final class Truth {

    /** Feeds in ingest order within a period. */
    static final List<String> FEED_ORDER = List.of("region", "facility", "household", "death");
    static final List<String> UNIT_ORDER = List.of("stats", "civil_affairs", "public_security", "health");

    record Rejection(String file, int row, String column, String rule) {
    }

    record Batch(String file, String feed, String period, String unit, long rowsRead, long rowsLoaded,
                 long rowsQuarantined, long footerRows) {
    }

    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();

    void reject(String file, int row, String column, String rule) {
        rejections.add(new Rejection(file, row, column, rule));
    }

    void batch(Batch batch) {
        batches.add(batch);
    }

    List<Batch> batches() {
        return batches;
    }

    long rejectionCount() {
        return rejections.size();
    }

    /** Region first, then by period: facility, household, death (units in a fixed order). */
    List<Batch> ingestOrder() {
        Comparator<Batch> order = Comparator
                .comparing((Batch b) -> b.feed().equals("region") ? 0 : 1)
                .thenComparing(Batch::period)
                .thenComparing(b -> FEED_ORDER.indexOf(b.feed()))
                .thenComparing(b -> unitRank(b.unit()))
                .thenComparing(Batch::file);
        return batches.stream().sorted(order).toList();
    }

    private static int unitRank(String unit) {
        int i = UNIT_ORDER.indexOf(unit.substring(0, unit.indexOf(':')));
        return i < 0 ? UNIT_ORDER.size() : i;
    }

    void write(Path out) throws IOException {
        Path truth = out.resolve("truth");
        Files.createDirectories(truth);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("ingest-plan.csv"), StandardCharsets.UTF_8)) {
            w.write("file,feed,period,unit\n");
            for (Batch b : ingestOrder()) {
                w.write(b.file() + ',' + b.feed() + ',' + b.period() + ',' + b.unit() + '\n');
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(truth.resolve("batches.csv"), StandardCharsets.UTF_8)) {
            w.write("file,feed,period,unit,rows_read,rows_loaded,rows_quarantined,footer_rows\n");
            for (Batch b : ingestOrder()) {
                w.write(b.file() + ',' + b.feed() + ',' + b.period() + ',' + b.unit() + ',' + b.rowsRead() + ','
                        + b.rowsLoaded() + ',' + b.rowsQuarantined() + ',' + b.footerRows() + '\n');
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(truth.resolve("rejections.csv"), StandardCharsets.UTF_8)) {
            w.write("file,row,column,rule\n");
            for (Rejection r : rejections) {
                w.write(r.file() + ',' + r.row() + ',' + r.column() + ',' + r.rule() + '\n');
            }
        }
    }
}
