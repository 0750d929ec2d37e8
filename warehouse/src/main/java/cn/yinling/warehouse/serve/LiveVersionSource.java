package cn.yinling.warehouse.serve;

import java.util.Optional;

/**
 * Tells a reader which version is live. Called about once a second, so it must be cheap (a read of a tiny file).
 * Empty when nothing has been published yet.
 */
@FunctionalInterface
public interface LiveVersionSource {

    Optional<PublishedVersion> live();
}
