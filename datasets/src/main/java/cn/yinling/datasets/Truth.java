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

    /**
     * Feeds in ingest order within a month: the facility registry before the service orders that name providers, the
     * household snapshot before the person feeds checked against it (OUT_OF_SCOPE).
     */
    static final List<String> FEED_ORDER = List.of("region", "facility", "household", "death", "living_status",
            "accident_insurance", "allowance", "pension", "health_checkup", "ltc_benefit", "service_order", "care_visit");
    static final List<String> UNIT_ORDER = List.of("stats", "civil_affairs", "public_security", "health",
            "human_resources", "medical_insurance", "aging_office");

    record Rejection(String file, int row, String column, String rule) {
    }

    /** A row (or header row) the landing step loads and lists with a warning. */
    record Warning(String file, int row, String column, String rule) {
    }

    record Batch(String file, String feed, String period, String unit, long rowsRead, long rowsLoaded,
                 long rowsQuarantined, long footerRows) {
    }

    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();
    /** Month slot of an annual period (a year) in the ingest order; null: annual periods sort before their months. */
    private java.util.function.ToIntFunction<String> annualSlot;
    private Timeline time;

    /**
     * Lands annual batches (living status, accident insurance) of a year right after the household snapshot of the
     * month {@code slot} gives, so the register they are checked against is there.
     */
    void ingestAnnualAfter(Timeline time, java.util.function.ToIntFunction<String> slot) {
        this.time = time;
        this.annualSlot = slot;
    }

    void warn(String file, int row, String column, String rule) {
        warnings.add(new Warning(file, row, column, rule));
    }

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

    /** Region first, then month by month in {@link #FEED_ORDER} (units in a fixed order, the city's first). */
    List<Batch> ingestOrder() {
        Comparator<Batch> order = Comparator
                .comparing((Batch b) -> b.feed().equals("region") ? 0 : 1)
                .thenComparing(this::slot)
                .thenComparing(b -> FEED_ORDER.indexOf(b.feed()))
                .thenComparing(b -> unitRank(b.unit()))
                .thenComparing(Batch::file);
        return batches.stream().sorted(order).toList();
    }

    /** The period's place in time: a month's own label, an annual period the label of the month it lands after. */
    private String slot(Batch b) {
        if (b.period().length() == 4 && annualSlot != null) {
            return time.label(annualSlot.applyAsInt(b.period())) + "+";
        }
        return b.period();
    }

    private static int unitRank(String unit) {
        int i = UNIT_ORDER.indexOf(unit.substring(0, unit.indexOf(':')));
        return (i < 0 ? UNIT_ORDER.size() : i) * 1_000_000 + Integer.parseInt(unit.substring(unit.indexOf(':') + 1))
                % 1_000_000;
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
                w.write(r.file() + ',' + r.row() + ',' + quoted(r.column()) + ',' + r.rule() + '\n');
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(truth.resolve("warnings.csv"), StandardCharsets.UTF_8)) {
            w.write("file,row,column,rule\n");
            for (Warning r : warnings) {
                w.write(r.file() + ',' + r.row() + ',' + quoted(r.column()) + ',' + r.rule() + '\n');
            }
        }
    }

    /** A CSV field: a key of several columns (pay_month,id_number,allowance_type) is quoted. */
    private static String quoted(String field) {
        return field.indexOf(',') < 0 && field.indexOf('"') < 0 ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
