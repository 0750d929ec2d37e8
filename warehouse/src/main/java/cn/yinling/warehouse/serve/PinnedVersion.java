package cn.yinling.warehouse.serve;

import org.jdbi.v3.core.Jdbi;

/**
 * One published version held open by {@link WarehouseReader#withPinnedVersion}: which version it is, a Jdbi over it
 * that is valid only inside the work it was handed to, and the feeds its lineage.json says went into it.
 */
public record PinnedVersion(PublishedVersion version, Jdbi jdbi, FeedDeliveries deliveries) {

    public int number() {
        return version.number();
    }
}
