package cn.yinling.dashboard.appstate;

/** What a marked finding was when it was last marked (amount as decimal text, null when the rule has none). */
public record MarkedFindingRow(String findingId, String rule, String month, String personKey, String orderId,
        String regionCode, String amount, String evidence, int seenVersion) {
}
