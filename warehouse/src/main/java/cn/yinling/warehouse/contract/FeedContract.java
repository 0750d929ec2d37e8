package cn.yinling.warehouse.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** One feed of spec/feeds.md §6: its columns, who sends it and how often. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FeedContract(
        String feed,
        String name,
        List<String> departments,
        PeriodKind period,
        FeedKind kind,
        List<ColumnSpec> columns) {

    public enum PeriodKind {
        month, year
    }

    public enum FeedKind {
        snapshot, event
    }

    public Optional<ColumnSpec> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<ColumnSpec> keyColumns() {
        return columns.stream().filter(ColumnSpec::keyColumn).toList();
    }

    public boolean sentBy(String department) {
        return departments.contains(department);
    }
}
