package cn.yinling.warehouse.serve;

import org.jdbi.v3.core.Jdbi;

/**
 * One published version held open by {@link WarehouseReader#withPinnedVersion}: which version it is, and a Jdbi over
 * it that is valid only inside the work it was handed to.
 */
public record PinnedVersion(PublishedVersion version, Jdbi jdbi) {

    public int number() {
        return version.number();
    }
}
