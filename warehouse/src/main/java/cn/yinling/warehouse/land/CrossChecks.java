package cn.yinling.warehouse.land;

import java.util.Set;

/**
 * What the row checks need to know about other batches: the service order ids already loaded for other periods
 * (ORDER_ID_REUSED) and the facility codes of the facility registry (UNKNOWN_PROVIDER). Read once per upload, before
 * the rows are streamed, only for the feeds that need them.
 *
 * @param earlierOrderIds order ids of the service_order batches in force of every other period; empty for other feeds
 * @param facilityCodes   facility codes of the facility batches in force (any period); null when no facility batch has
 *                        been landed, so providers cannot be checked (one file-level warning says so)
 */
record CrossChecks(OrderIdIndex earlierOrderIds, Set<String> facilityCodes) {

    static final CrossChecks NONE = new CrossChecks(OrderIdIndex.empty(), Set.of());
}
