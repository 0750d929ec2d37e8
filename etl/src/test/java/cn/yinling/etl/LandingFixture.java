package cn.yinling.etl;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.StringJoiner;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes landing batches the way the LAND step leaves them (docs/design.md): {@code manifest.json} plus
 * {@code accepted.parquet} typed per the contract, in {@code landing/<feed>/<period>/<unit-dir>/<batch-id>/}.
 */
public final class LandingFixture {

    private final AgingHome home;

    public LandingFixture(AgingHome home) {
        this.home = home;
    }

    /**
     * An accepted batch. Each row holds the feed's contract columns in order (Java values: String, LocalDate,
     * Integer, Boolean); {@code _row} is added (data rows start at line 2). The Parquet is written as a single
     * file, or as a Spark folder when {@code asFolder}, since both forms are valid Parquet paths.
     */
    public Path accepted(String feed, String period, String unit, String batchId, List<Object[]> rows, boolean asFolder) {
        return accepted(feed, period, unit, batchId, rows, asFolder, 0);
    }

    /** An accepted batch whose manifest also counts {@code quarantined} rejected rows (read = loaded + quarantined). */
    public Path accepted(String feed, String period, String unit, String batchId, List<Object[]> rows, boolean asFolder,
                         int quarantined) {
        FeedContract contract = Contracts.get().feed(feed).orElseThrow();
        Path dir = home.unitLanding(feed, period, unit).resolve(batchId);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("accepted.parquet");
            if (asFolder) {
                Files.createDirectories(target);
                target = target.resolve("part-00000-fixture.snappy.parquet");
            }
            writeParquet(ContractSchemas.accepted(contract), rows, target);
            writeManifest(dir, batchId, feed, period, unit, "accepted", rows.size() + quarantined, rows.size(), quarantined);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public Path accepted(String feed, String period, String unit, String batchId, List<Object[]> rows) {
        return accepted(feed, period, unit, batchId, rows, false);
    }

    /**
     * Writes typed rows ({@code _row} first, numbered from 2) as one Parquet file with DuckDB, as the LAND step
     * does: a Spark job per tiny batch would cost a test more than the ETL run it prepares.
     */
    private static void writeParquet(StructType schema, List<Object[]> rows, Path file) {
        StructField[] fields = schema.fields();
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (StructField field : fields) {
            columns.add("\"" + field.name() + "\" " + duckDbType(field.dataType()));
            marks.add("?");
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("create table batch (" + columns + ")");
            try (PreparedStatement insert = duckdb.prepareStatement("insert into batch values (" + marks + ")")) {
                for (int i = 0; i < rows.size(); i++) {
                    insert.setObject(1, i + 2);
                    Object[] values = rows.get(i);
                    for (int c = 0; c < values.length; c++) {
                        insert.setObject(c + 2, values[c] instanceof LocalDate d ? java.sql.Date.valueOf(d)
                                : values[c] instanceof LocalDateTime t ? java.sql.Timestamp.valueOf(t) : values[c]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("copy batch to '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (format parquet, compression snappy)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the fixture batch " + file, e);
        }
    }

    private static String duckDbType(DataType type) {
        if (type instanceof DecimalType d) {
            return "decimal(" + d.precision() + ", " + d.scale() + ")";
        }
        return switch (type.typeName()) {
            case "string" -> "varchar";
            case "date" -> "date";
            case "timestamp_ntz" -> "timestamp";
            case "integer" -> "integer";
            case "double" -> "double";
            case "boolean" -> "boolean";
            default -> throw new IllegalArgumentException("no DuckDB type for " + type);
        };
    }

    /** A refused batch: a manifest, no accepted rows. */
    public Path refused(String feed, String period, String unit, String batchId) {
        return refused(feed, period, unit, batchId, 0, 0);
    }

    /** A refused batch whose manifest counts the rows read and quarantined before it was refused. */
    public Path refused(String feed, String period, String unit, String batchId, int rowsRead, int quarantined) {
        Path dir = home.unitLanding(feed, period, unit).resolve(batchId);
        try {
            Files.createDirectories(dir);
            writeManifest(dir, batchId, feed, period, unit, "refused", rowsRead, 0, quarantined);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void writeManifest(Path dir, String batchId, String feed, String period, String unit, String status,
                                      int rowsRead, int rowsLoaded, int quarantined) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("batch_id", batchId);
        manifest.put("feed", feed);
        manifest.put("period", period);
        manifest.put("unit", unit);
        manifest.put("user", "test");
        manifest.put("status", status);
        manifest.put("supersedes", null);
        manifest.put("sha256", "0".repeat(64));
        manifest.put("original_name", feed + period + ".csv");
        manifest.put("stored_file", "original.csv");
        manifest.put("format", "csv");
        manifest.put("encoding", "UTF-8");
        manifest.put("received_at", "2025-05-01T10:15:00.123+08:00");
        manifest.put("rows_read", rowsRead);
        manifest.put("rows_loaded", rowsLoaded);
        manifest.put("rows_quarantined", quarantined);
        manifest.put("footer_rows", 0);
        manifest.put("warnings", 0);
        manifest.put("fatal", status.equals("accepted") ? null : "REJECT_THRESHOLD");
        manifest.put("contract_version", 1);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }
}
