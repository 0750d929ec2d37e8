package cn.yinling.warehouse.land;

/** The landing zone itself failed (disk full, permissions, DuckDB missing): not the upload's fault. */
public final class LandingException extends RuntimeException {

    public LandingException(String message, Throwable cause) {
        super(message, cause);
    }
}
