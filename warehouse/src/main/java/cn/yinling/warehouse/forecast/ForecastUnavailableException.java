package cn.yinling.warehouse.forecast;

/** The live version cannot be forecast (tables missing, no population); the message says what to do, in Chinese. */
public final class ForecastUnavailableException extends RuntimeException {

    public ForecastUnavailableException(String message) {
        super(message);
    }
}
