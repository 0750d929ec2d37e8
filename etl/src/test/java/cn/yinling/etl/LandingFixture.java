package cn.yinling.etl;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.store.AgingHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Writes landing batches the way the LAND step leaves them (docs/design.md): {@code manifest.json} plus
 * {@code accepted.parquet} typed per the contract, in {@code landing/<feed>/<period>/<unit-dir>/<batch-id>/}.
 */
public final class LandingFixture {

    private final SparkSession spark;
    private final AgingHome home;

    public LandingFixture(SparkSession spark, AgingHome home) {
        this.spark = spark;
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
        List<Row> typed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] values = new Object[rows.get(i).length + 1];
            values[0] = i + 2;
            System.arraycopy(rows.get(i), 0, values, 1, rows.get(i).length);
            typed.add(RowFactory.create(values));
        }
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("accepted.parquet");
            if (asFolder) {
                spark.createDataFrame(typed, ContractSchemas.accepted(contract)).coalesce(1).write().parquet(target.toString());
            } else {
                Path tmp = dir.resolve("_spark_tmp");
                spark.createDataFrame(typed, ContractSchemas.accepted(contract)).coalesce(1).write().parquet(tmp.toString());
                try (Stream<Path> files = Files.list(tmp)) {
                    Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
                    Files.move(part, target);
                }
                VersionStoreTestSupport.deleteTree(tmp);
            }
            writeManifest(dir, batchId, feed, period, unit, "accepted", rows.size() + quarantined, rows.size(), quarantined);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public Path accepted(String feed, String period, String unit, String batchId, List<Object[]> rows) {
        return accepted(feed, period, unit, batchId, rows, false);
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
