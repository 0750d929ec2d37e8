package cn.yinling.warehouse.land;

/**
 * Optional progress of one {@link Landing#ingest(Upload, LandingProgress)}: the upload page shows a bar while a large
 * file is checked. Called on the landing thread after each chunk of rows; must return quickly and never throw.
 */
@FunctionalInterface
public interface LandingProgress {

    LandingProgress NONE = rowsRead -> { };

    /** Data rows read and checked so far. */
    void rowsChecked(long rowsRead);
}
