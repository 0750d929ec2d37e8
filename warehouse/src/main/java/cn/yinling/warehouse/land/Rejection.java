package cn.yinling.warehouse.land;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One finding about an uploaded file, as listed in the batch report and in rejections.csv.
 *
 * @param row      the row number the user sees (Excel row, or 1-based CSV line); null for a file-level finding
 *                 without a row
 * @param column   the feed column's English key, or the header text for EXTRA_COLUMN; null when not about a column
 * @param value    the cell as sent (may hold personal data: stays in landing and in the sender's report)
 * @param rule     rule code of spec/feeds.md §3
 * @param severity fatal, error or warning
 * @param message  Chinese, naming the column's Chinese header and what to fix
 */
@JsonPropertyOrder({"row", "column", "value", "rule", "severity", "message"})
public record Rejection(Integer row, String column, String value, String rule, Severity severity, String message) {

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.error;
    }
}
