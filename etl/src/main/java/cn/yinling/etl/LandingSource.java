package cn.yinling.etl;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Extract: finds the batches in force in the landing zone (the accepted batch with the greatest id per feed,
 * period and unit) by reading their manifests with Spark, and exposes their accepted rows as views
 * {@code src_<feed>} plus the view {@code landing_batch} (one row per batch in force). Everything goes through
 * Hadoop paths, so the landing zone may live on HDFS or S3 as well as on a local disk.
 */
public final class LandingSource {

    /** One batch in force, as lineage records it. */
    public record Batch(String batchId, String feed, String period, String unit, long rows) {
    }

    static final StructType MANIFEST_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("batch_id", DataTypes.StringType, true),
            DataTypes.createStructField("feed", DataTypes.StringType, true),
            DataTypes.createStructField("period", DataTypes.StringType, true),
            DataTypes.createStructField("unit", DataTypes.StringType, true),
            DataTypes.createStructField("status", DataTypes.StringType, true),
            DataTypes.createStructField("supersedes", DataTypes.StringType, true),
            DataTypes.createStructField("received_at", DataTypes.StringType, true),
            DataTypes.createStructField("rows_loaded", DataTypes.LongType, true),
            DataTypes.createStructField("contract_version", DataTypes.LongType, true)));

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

    private final SparkSession spark;
    private final String landingUri;

    /** @param landingUri the landing folder as a Hadoop path string, e.g. {@code file:/data/landing} or {@code hdfs://nn/aging/landing} */
    public LandingSource(SparkSession spark, String landingUri) {
        this.spark = spark;
        this.landingUri = landingUri.endsWith("/") ? landingUri.substring(0, landingUri.length() - 1) : landingUri;
    }

    /** Registers {@code landing_batch} and one {@code src_<feed>} per contract feed; returns the batches in force. */
    public List<Batch> registerViews() {
        Dataset<Row> inForce = batchesInForce().cache();
        inForce.createOrReplaceTempView("landing_batch");
        List<Row> batchRows = inForce.orderBy("feed", "period", "unit", "batch_id").collectAsList();

        Map<String, List<Row>> byFeed = new LinkedHashMap<>();
        for (Row row : batchRows) {
            byFeed.computeIfAbsent(row.getString(row.fieldIndex("feed")), f -> new ArrayList<>()).add(row);
        }
        for (FeedContract feed : Contracts.get().feeds()) {
            Dataset<Row> source = readFeed(feed, byFeed.getOrDefault(feed.feed(), List.of()), inForce);
            source.createOrReplaceTempView("src_" + feed.feed());
        }
        List<Batch> batches = new ArrayList<>();
        for (Row row : batchRows) {
            Long rows = row.isNullAt(row.fieldIndex("rows_loaded")) ? null : row.getLong(row.fieldIndex("rows_loaded"));
            batches.add(new Batch(row.getString(row.fieldIndex("batch_id")), row.getString(row.fieldIndex("feed")),
                    row.getString(row.fieldIndex("period")), row.getString(row.fieldIndex("unit")), rows == null ? -1 : rows));
        }
        return batches;
    }

    private Dataset<Row> batchesInForce() {
        String glob = landingUri + "/*/*/*/*/manifest.json";
        if (!anyMatch(glob)) {
            return spark.createDataFrame(Collections.emptyList(), BATCH_VIEW_SCHEMA);
        }
        Dataset<Row> manifests = spark.read().schema(MANIFEST_SCHEMA).option("multiLine", true).json(glob)
                .withColumn("batch_dir", regexp_extract(col("_metadata.file_path"), "^(.*)/manifest\\.json$", 1))
                // a batch still being written sits in .tmp-<id>: only a folder named by its own id is a batch
                .filter(regexp_extract(col("batch_dir"), "([^/]+)$", 1).equalTo(col("batch_id")))
                .filter(col("status").equalTo("accepted"));
        Dataset<Row> kinds = feedKinds();
        Dataset<Row> ranked = manifests
                .withColumn("rank", row_number().over(Window.partitionBy("feed", "period", "unit").orderBy(col("batch_id").desc())))
                .filter(col("rank").equalTo(1));
        return ranked.join(broadcast(kinds), ranked.col("feed").equalTo(kinds.col("kind_feed")), "inner")
                .select(col("batch_id"), col("feed"), col("period"), col("unit"),
                        col("received_at").cast("timestamp").as("received_at"), col("rows_loaded"),
                        col("period_kind"), col("feed_kind"), col("batch_dir"));
    }

    /** Period kind (month/year) and feed kind (snapshot/event) of every contract feed, as a small table. */
    private Dataset<Row> feedKinds() {
        List<Row> rows = new ArrayList<>();
        for (FeedContract feed : Contracts.get().feeds()) {
            rows.add(org.apache.spark.sql.RowFactory.create(feed.feed(), feed.period().name(), feed.kind().name()));
        }
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("kind_feed", DataTypes.StringType, false),
                DataTypes.createStructField("period_kind", DataTypes.StringType, false),
                DataTypes.createStructField("feed_kind", DataTypes.StringType, false)));
        return spark.createDataFrame(rows, schema);
    }

    private Dataset<Row> readFeed(FeedContract feed, List<Row> batches, Dataset<Row> inForce) {
        StructType sourceSchema = ContractSchemas.source(feed);
        List<String> paths = new ArrayList<>();
        for (Row batch : batches) {
            String accepted = batch.getString(batch.fieldIndex("batch_dir")) + "/accepted.parquet";
            if (exists(accepted)) {
                paths.add(hadoopPath(accepted).toString());
            }
        }
        if (paths.isEmpty()) {
            return spark.createDataFrame(Collections.emptyList(), sourceSchema);
        }
        Dataset<Row> raw = spark.read().parquet(paths.toArray(String[]::new))
                .withColumn("_batch_dir", regexp_extract(col("_metadata.file_path"), "^(.*)/accepted\\.parquet(/.*)?$", 1));
        Dataset<Row> batchInfo = inForce.filter(col("feed").equalTo(feed.feed()))
                .select(col("batch_dir"), col("batch_id"), col("period"), col("unit"), col("received_at"));
        Dataset<Row> joined = raw.join(broadcast(batchInfo), raw.col("_batch_dir").equalTo(batchInfo.col("batch_dir")), "inner");
        List<String> present = Arrays.asList(raw.columns());
        List<Column> columns = new ArrayList<>();
        for (StructField field : ContractSchemas.accepted(feed).fields()) {
            Column value = present.contains(field.name()) ? raw.col(field.name()) : lit(null);
            columns.add(value.cast(field.dataType()).as(field.name()));
        }
        for (StructField field : ContractSchemas.BATCH_COLUMNS) {
            columns.add(batchInfo.col(field.name()).cast(field.dataType()).as(field.name()));
        }
        return joined.select(columns.toArray(Column[]::new));
    }

    private boolean anyMatch(String glob) {
        try {
            Path pattern = new Path(glob);
            FileSystem fs = pattern.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(pattern);
            return matches != null && matches.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + glob, e);
        }
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
