package cn.yinling.warehouse.land;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.ColumnType;
import cn.yinling.warehouse.parse.IdNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch's accepted rows to accepted.parquet, typed as docs/design.md says, without holding them: rows are
 * streamed to a typed temporary CSV, which DuckDB then reads with explicit column types and writes as Parquet.
 *
 * <p>Why not DuckDB's Appender: measured on this machine (2 cores, 2 M household rows), the Appender took 8.8 s plus
 * 1.6 s for the Parquet copy, the typed CSV 2.5 s plus 2.9 s; the CSV is read by DuckDB in parallel.
 */
final class AcceptedRowsWriter implements AutoCloseable {

    private static final String MEMORY_LIMIT = "1GB";

    private final List<ColumnSpec> columns;
    private final ColumnType[] types;
    private final Path csv;
    private final Path workDir;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    /** @param workDir the batch's temporary folder: the CSV and DuckDB's spill files go there */
    AcceptedRowsWriter(List<ColumnSpec> columns, Path workDir) throws IOException {
        this.columns = columns;
        this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
        this.workDir = workDir;
        this.csv = workDir.resolve("accepted.tmp.csv");
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv), StandardCharsets.UTF_8),
                1 << 17);
    }

    long rows() {
        return rows;
    }

    /** One accepted row: its row number and its typed values in contract order. */
    void write(int rowNumber, Object[] values) throws IOException {
        StringBuilder b = line;
        b.setLength(0);
        b.append(rowNumber);
        for (int i = 0; i < types.length; i++) {
            b.append(',');
            Object v = values[i];
            if (v == null) {
                continue;
            }
            switch (types[i]) {
                case DATE, MONTH -> appendDate(b, (LocalDate) v);
                case DATETIME -> appendTimestamp(b, (LocalDateTime) v);
                case YEAR, INT -> b.append(((Integer) v).intValue());
                case AMOUNT -> b.append(((BigDecimal) v).toPlainString());
                case DECIMAL -> b.append(((Double) v).doubleValue());
                case FLAG -> b.append(((Boolean) v).booleanValue());
                case ID_NUMBER -> appendQuoted(b, ((IdNumber) v).value());
                default -> appendQuoted(b, (String) v);
            }
        }
        b.append('\n');
        out.append(b);
        rows++;
    }

    /** yyyy-MM-dd without LocalDate.toString's formatting machinery (a measurable share of the writing time). */
    private static void appendDate(StringBuilder b, LocalDate d) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            b.append(d);
            return;
        }
        b.append(year).append('-');
        two(b, d.getMonthValue());
        b.append('-');
        two(b, d.getDayOfMonth());
    }

    private static void appendTimestamp(StringBuilder b, LocalDateTime t) {
        appendDate(b, t.toLocalDate());
        b.append(' ');
        two(b, t.getHour());
        b.append(':');
        two(b, t.getMinute());
        b.append(':');
        two(b, t.getSecond());
    }

    private static void two(StringBuilder b, int n) {
        if (n < 10) {
            b.append('0');
        }
        b.append(n);
    }

    private static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        if (s.indexOf('"') < 0) {
            b.append(s);
        } else {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    b.append('"');
                }
                b.append(c);
            }
        }
        b.append('"');
    }

    /** Finishes the CSV, converts it to {@code parquet} and deletes it. */
    void finishTo(Path parquet) throws IOException {
        out.close();
        try (Handle handle = DuckDb.open()) {
            LandingSql sql = handle.attach(LandingSql.class);
            sql.settings(SqlLiterals.quote(workDir.resolve("duckdb-spill").toString()), SqlLiterals.quote(MEMORY_LIMIT));
            sql.csvToParquet(csv.toString(), columnsStruct(), parquet.toString());
        } finally {
            Files.deleteIfExists(csv);
            Landing.deleteRecursively(workDir.resolve("duckdb-spill"));
        }
    }

    /** The DuckDB struct literal of the accepted.parquet columns: {'_row': 'INTEGER', 'id_number': 'VARCHAR', …}. */
    String columnsStruct() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        j.add("'_row': 'INTEGER'");
        for (ColumnSpec c : columns) {
            j.add(SqlLiterals.quote(c.key()) + ": " + SqlLiterals.quote(sqlType(c.type())));
        }
        return j.toString();
    }

    static String sqlType(ColumnType type) {
        return switch (type) {
            case DATE, MONTH -> "DATE";
            case DATETIME -> "TIMESTAMP";
            case YEAR, INT -> "INTEGER";
            case AMOUNT -> "DECIMAL(14,2)";
            case DECIMAL -> "DOUBLE";
            case FLAG -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }

    /** Drops what was written (the batch is refused). */
    void discard() throws IOException {
        out.close();
        Files.deleteIfExists(csv);
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(csv);
    }
}
