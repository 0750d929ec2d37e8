package cn.yinling.etl;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Extract: reads every batch's manifest in the landing zone (through Hadoop paths, so the zone may live on HDFS or
 * S3 as well as on a local disk), finds the batches in force (the accepted batch with the greatest id per feed,
 * period and unit) and exposes their accepted rows as views {@code src_<feed>}, plus {@code landing_batch} (one row
 * per batch in force) and {@code landing_manifest} (every landed batch, refused ones too: the data-quality KPIs
 * need them). Manifests are small JSON files: the driver reads them itself rather than running a Spark job.
 */
public final class LandingSource {

    /** One batch in force, as lineage records it. */
    public record Batch(String batchId, String feed, String period, String unit, long rows) {
    }

    /** One manifest.json, with the folder it was found in. */
    record ManifestEntry(String batchId, String feed, String period, String unit, String status, Timestamp receivedAt,
                         long rowsRead, long rowsLoaded, long rowsQuarantined, String batchDir) {
        boolean accepted() {
            return "accepted".equals(status);
        }
    }

    static final StructType BATCH_VIEW_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("batch_id", DataTypes.StringType, false),
            DataTypes.createStructField("feed", DataTypes.StringType, false),
            DataTypes.createStructField("period", DataTypes.StringType, false),
            DataTypes.createStructField("unit", DataTypes.StringType, false),
            DataTypes.createStructField("received_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("rows_loaded", DataTypes.LongType, true),
            DataTypes.createStructField("period_kind", DataTypes.StringType, true),
            DataTypes.createStructField("feed_kind", DataTypes.StringType, true),
            DataTypes.createStructField("batch_dir", DataTypes.StringType, false)));

    static final StructType MANIFEST_VIEW_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("batch_id", DataTypes.StringType, false),
            DataTypes.createStructField("feed", DataTypes.StringType, false),
            DataTypes.createStructField("period", DataTypes.StringType, false),
            DataTypes.createStructField("unit", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("received_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("rows_read", DataTypes.LongType, false),
            DataTypes.createStructField("rows_loaded", DataTypes.LongType, false),
            DataTypes.createStructField("rows_quarantined", DataTypes.LongType, false),
            DataTypes.createStructField("is_in_force", DataTypes.BooleanType, false),
            DataTypes.createStructField("period_kind", DataTypes.StringType, true),
            DataTypes.createStructField("feed_kind", DataTypes.StringType, true)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ACCEPTED_FILE = "accepted.parquet";

    /** A batch this large is read by a scan of its own; below it, per-row batch lookup costs less than a scan. */
    private static final long OWN_SCAN_MIN_ROWS = 1_000_000;

    private final SparkSession spark;
    private final String landingUri;
    private final long ownScanMinRows;

    /** @param landingUri the landing folder as a Hadoop path string, e.g. {@code file:/data/landing} or {@code hdfs://nn/aging/landing} */
    public LandingSource(SparkSession spark, String landingUri) {
        this(spark, landingUri, OWN_SCAN_MIN_ROWS);
    }

    /** @param ownScanMinRows the rows from which a batch is read by a scan of its own (tests read tiny batches so) */
    LandingSource(SparkSession spark, String landingUri, long ownScanMinRows) {
        this.spark = spark;
        this.landingUri = landingUri.endsWith("/") ? landingUri.substring(0, landingUri.length() - 1) : landingUri;
        this.ownScanMinRows = ownScanMinRows;
    }

    /**
     * Registers {@code landing_batch}, {@code landing_manifest} and one {@code src_<feed>} per contract feed;
     * returns the batches in force, ordered by feed, period, unit.
     */
    public List<Batch> registerViews() {
        List<ManifestEntry> manifests = readManifests();
        Map<String, ManifestEntry> inForce = new TreeMap<>();
        for (ManifestEntry m : manifests) {
            if (m.accepted()) {
                inForce.merge(m.feed() + "\u0001" + m.period() + "\u0001" + m.unit(), m,
                        (a, b) -> a.batchId().compareTo(b.batchId()) >= 0 ? a : b);
            }
        }
        Set<String> inForceIds = new HashSet<>();
        inForce.values().forEach(m -> inForceIds.add(m.batchId()));

        List<Row> batchRows = new ArrayList<>();
        List<Row> manifestRows = new ArrayList<>();
        Map<String, List<ManifestEntry>> byFeed = new LinkedHashMap<>();
        List<Batch> batches = new ArrayList<>();
        for (ManifestEntry m : inForce.values()) {
            FeedContract feed = Contracts.get().feed(m.feed()).orElse(null);
            if (feed == null) {
                continue;
            }
            batchRows.add(RowFactory.create(m.batchId(), m.feed(), m.period(), m.unit(), m.receivedAt(), m.rowsLoaded(),
                    feed.period().name(), feed.kind().name(), m.batchDir()));
            byFeed.computeIfAbsent(m.feed(), f -> new ArrayList<>()).add(m);
            batches.add(new Batch(m.batchId(), m.feed(), m.period(), m.unit(), m.rowsLoaded()));
        }
        for (ManifestEntry m : manifests) {
            FeedContract feed = Contracts.get().feed(m.feed()).orElse(null);
            manifestRows.add(RowFactory.create(m.batchId(), m.feed(), m.period(), m.unit(), m.status(), m.receivedAt(),
                    m.rowsRead(), m.rowsLoaded(), m.rowsQuarantined(), inForceIds.contains(m.batchId()),
                    feed == null ? null : feed.period().name(), feed == null ? null : feed.kind().name()));
        }
        Dataset<Row> batchView = spark.createDataFrame(batchRows, BATCH_VIEW_SCHEMA);
        batchView.createOrReplaceTempView("landing_batch");
        spark.createDataFrame(manifestRows, MANIFEST_VIEW_SCHEMA).createOrReplaceTempView("landing_manifest");
        for (FeedContract feed : Contracts.get().feeds()) {
            Dataset<Row> source = readFeed(feed, byFeed.getOrDefault(feed.feed(), List.of()), batchView);
            source.createOrReplaceTempView("src_" + feed.feed());
        }
        return batches;
    }

    /**
     * Every {@code <feed>/<period>/<unit-dir>/<batch-id>/manifest.json}. A batch still being written sits in
     * {@code .tmp-<id>}: only a folder named by its own id is a batch.
     */
    List<ManifestEntry> readManifests() {
        String glob = landingUri + "/*/*/*/*/manifest.json";
        List<ManifestEntry> entries = new ArrayList<>();
        try {
            Path pattern = new Path(glob);
            FileSystem fs = pattern.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(pattern);
            if (matches == null) {
                return entries;
            }
            for (FileStatus match : matches) {
                Path file = match.getPath();
                String folder = file.getParent().getName();
                JsonNode json;
                try (InputStream in = fs.open(file)) {
                    json = JSON.readTree(in);
                }
                String batchId = text(json, "batch_id");
                if (batchId == null || !batchId.equals(folder)) {
                    continue;
                }
                entries.add(new ManifestEntry(batchId, text(json, "feed"), text(json, "period"), text(json, "unit"),
                        text(json, "status"), timestamp(text(json, "received_at")), json.path("rows_read").asLong(0),
                        json.path("rows_loaded").asLong(0), json.path("rows_quarantined").asLong(0),
                        file.getParent().toUri().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifests under " + landingUri, e);
        }
        entries.sort(Comparator.comparing(ManifestEntry::feed).thenComparing(ManifestEntry::period)
                .thenComparing(ManifestEntry::unit).thenComparing(ManifestEntry::batchId));
        return entries;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Timestamp timestamp(String isoWithOffset) {
        if (isoWithOffset == null) {
            return null;
        }
        try {
            return Timestamp.from(OffsetDateTime.parse(isoWithOffset).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The accepted rows of a feed's batches in force. A large batch gets a scan of its own with the batch's columns as
     * literals, so none of its rows has its file path cut apart (on the 10.4M-row register that cost as much as reading
     * the row's own columns). The small batches of a feed share one scan that takes the batch id from each row's file
     * path: a union of one scan per batch cost a small city's ETL more than its data (72 monthly death batches of 291
     * rows in all: 25 s, each scan a file listing, a task and an output file).
     */
    private Dataset<Row> readFeed(FeedContract feed, List<ManifestEntry> batches, Dataset<Row> inForce) {
        // the contract gives the schema: inferring it would cost a Spark job per feed, and a column an older batch
        // lacks is read as null
        StructType accepted = ContractSchemas.accepted(feed);
        List<Dataset<Row>> parts = new ArrayList<>();
        List<ManifestEntry> smallBatches = new ArrayList<>();
        for (ManifestEntry batch : batches) {
            if (!exists(acceptedUri(batch))) {
                continue;
            }
            if (batch.rowsLoaded() >= ownScanMinRows) {
                parts.add(spark.read().schema(accepted).parquet(hadoopPath(acceptedUri(batch)).toString())
                        .select(withBatchColumns(accepted, batch)));
            } else {
                smallBatches.add(batch);
            }
        }
        if (!smallBatches.isEmpty()) {
            parts.add(readSharedScan(accepted, smallBatches, inForce.filter(col("feed").equalTo(feed.feed()))));
        }
        return parts.stream().reduce(Dataset::unionAll)
                .orElseGet(() -> spark.createDataFrame(Collections.emptyList(), ContractSchemas.source(feed)));
    }

    /** @param feedBatches the feed's rows of landing_batch: a row joins only the batch its file belongs to */
    private Dataset<Row> readSharedScan(StructType accepted, List<ManifestEntry> batches, Dataset<Row> feedBatches) {
        Dataset<Row> batchInfo = broadcast(feedBatches.withColumnRenamed("batch_id", "_batch"));
        Dataset<Row> rows = spark.read().schema(accepted)
                .parquet(batches.stream().map(b -> hadoopPath(acceptedUri(b)).toString()).toArray(String[]::new))
                // the batch folder is named by its id; joining on the id avoids comparing URI spellings, and plain
                // string search costs less per row than a regular expression
                .withColumn("_batch_id", substring_index(substring_index(col("_metadata.file_path"),
                        "/" + ACCEPTED_FILE, 1), "/", -1));
        Dataset<Row> joined = rows.join(batchInfo, rows.col("_batch_id").equalTo(batchInfo.col("_batch")));
        List<Column> columns = new ArrayList<>();
        for (StructField field : accepted.fields()) {
            columns.add(rows.col(field.name()));
        }
        for (StructField field : ContractSchemas.BATCH_COLUMNS) {
            columns.add(field.name().equals("batch_id") ? rows.col("_batch_id").as("batch_id")
                    : batchInfo.col(field.name()));
        }
        return joined.select(columns.toArray(Column[]::new));
    }

    private static String acceptedUri(ManifestEntry batch) {
        return batch.batchDir() + "/" + ACCEPTED_FILE;
    }

    private static Column[] withBatchColumns(StructType accepted, ManifestEntry batch) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : accepted.fields()) {
            columns.add(col(field.name()));
        }
        Map<String, Object> values = Map.of("batch_id", batch.batchId(), "period", batch.period(), "unit", batch.unit());
        for (StructField field : ContractSchemas.BATCH_COLUMNS) {
            Object value = field.name().equals("received_at") ? batch.receivedAt() : values.get(field.name());
            columns.add(lit(value).cast(field.dataType()).as(field.name()));
        }
        return columns.toArray(Column[]::new);
    }

    private boolean exists(String uri) {
        try {
            Path path = hadoopPath(uri);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + uri, e);
        }
    }

    /** Spark reports file paths as URIs (escaped); Hadoop's Path(URI) reads them back exactly. */
    private static Path hadoopPath(String uri) {
        try {
            return new Path(new URI(uri));
        } catch (URISyntaxException e) {
            return new Path(uri);
        }
    }
}
