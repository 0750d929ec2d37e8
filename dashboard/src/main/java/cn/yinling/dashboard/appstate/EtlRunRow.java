package cn.yinling.dashboard.appstate;

/** A row of {@code etl_runs}. */
public record EtlRunRow(long id, long startedAt, String startedBy, Long finishedAt, String status, Integer exitCode,
        Integer publishedVersion, String lastLine) {
}
