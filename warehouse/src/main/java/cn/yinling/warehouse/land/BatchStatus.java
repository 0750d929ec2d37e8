package cn.yinling.warehouse.land;

/** Outcome of one upload. {@code unchanged}: byte-identical to the batch in force, nothing written. */
public enum BatchStatus {
    accepted, refused, unchanged
}
