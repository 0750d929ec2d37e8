package cn.yinling.warehouse.land;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * manifest.json of one landed batch (docs/design.md). Written once, inside the batch's temporary folder, before the
 * rename that makes the batch visible. {@code restores} names the earlier batch whose file an admin restored (null for
 * an ordinary upload).
 */
@JsonPropertyOrder({"batch_id", "feed", "period", "unit", "user", "status", "supersedes", "sha256", "original_name",
        "stored_file", "format", "encoding", "received_at", "rows_read", "rows_loaded", "rows_quarantined",
        "footer_rows", "warnings", "fatal", "contract_version", "restores"})
public record Manifest(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("feed") String feed,
        @JsonProperty("period") String period,
        @JsonProperty("unit") String unit,
        @JsonProperty("user") String user,
        @JsonProperty("status") BatchStatus status,
        @JsonProperty("supersedes") String supersedes,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("stored_file") String storedFile,
        @JsonProperty("format") String format,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("received_at") String receivedAt,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_loaded") long rowsLoaded,
        @JsonProperty("rows_quarantined") long rowsQuarantined,
        @JsonProperty("footer_rows") long footerRows,
        @JsonProperty("warnings") long warnings,
        @JsonProperty("fatal") Fatal fatal,
        @JsonProperty("contract_version") int contractVersion,
        @JsonProperty("restores") String restores) {

    public static final int CONTRACT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    /** A batch that restores nothing (every ordinary upload). */
    public Manifest(String batchId, String feed, String period, String unit, String user, BatchStatus status,
            String supersedes, String sha256, String originalName, String storedFile, String format, String encoding,
            String receivedAt, long rowsRead, long rowsLoaded, long rowsQuarantined, long footerRows, long warnings,
            Fatal fatal, int contractVersion) {
        this(batchId, feed, period, unit, user, status, supersedes, sha256, originalName, storedFile, format, encoding,
                receivedAt, rowsRead, rowsLoaded, rowsQuarantined, footerRows, warnings, fatal, contractVersion, null);
    }

    @JsonIgnore
    public boolean accepted() {
        return status == BatchStatus.accepted;
    }
}
