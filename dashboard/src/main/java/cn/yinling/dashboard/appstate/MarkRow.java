package cn.yinling.dashboard.appstate;

/** One mark of a finding: status confirmed | false_alarm | fixed, who set it when, in which version. */
public record MarkRow(long id, String findingId, String status, String comment, String markedBy, long markedAt,
        int version) {
}
