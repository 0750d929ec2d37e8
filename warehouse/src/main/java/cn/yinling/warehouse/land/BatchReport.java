package cn.yinling.warehouse.land;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What one upload came to: the JSON object of spec/cli.md ({@code aging ingest --json}, the HTTP API and the upload
 * page all show it). {@code rejections} holds at most {@link #REPORTED_REJECTIONS} entries;
 * {@code rejections_total} counts all of them (every one is in the batch's rejections.csv).
 *
 * @param batchId         the batch id; for {@code unchanged}, the id of the batch in force; null only when the upload
 *                        was refused before it could be archived (unknown feed, malformed unit or period)
 * @param rowsRead        data rows read (not title, header, blank or footer rows); always rowsLoaded + rowsQuarantined
 * @param rowsLoaded      rows written to accepted.parquet (0 for a refused batch)
 * @param rowsQuarantined rows not loaded (for a refused batch: all data rows read, since nothing of it is loaded)
 * @param footerRows      footer rows (合计, 制表 …) skipped
 * @param fatal           why the file was refused, or null
 */
@JsonPropertyOrder({"batch_id", "feed", "period", "unit", "status", "supersedes", "rows_read", "rows_loaded",
        "rows_quarantined", "footer_rows", "fatal", "rejections", "rejections_total"})
public record BatchReport(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("feed") String feed,
        @JsonProperty("period") String period,
        @JsonProperty("unit") String unit,
        @JsonProperty("status") BatchStatus status,
        @JsonProperty("supersedes") String supersedes,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_loaded") long rowsLoaded,
        @JsonProperty("rows_quarantined") long rowsQuarantined,
        @JsonProperty("footer_rows") long footerRows,
        @JsonProperty("fatal") Fatal fatal,
        @JsonProperty("rejections") List<Rejection> rejections,
        @JsonProperty("rejections_total") long rejectionsTotal) {

    /** How many rejections a report carries; the rest are only in rejections.csv. */
    public static final int REPORTED_REJECTIONS = 1000;

    public BatchReport {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    @JsonIgnore
    public boolean refused() {
        return status == BatchStatus.refused;
    }

    /** One JSON object, field names and order as spec/cli.md shows them. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BatchReport fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, BatchReport.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
