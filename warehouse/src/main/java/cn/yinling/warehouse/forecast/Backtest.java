package cn.yinling.warehouse.forecast;

import java.util.List;

/**
 * The projection made from the data as it stood {@code horizonMonths} before the latest month, compared with what
 * the register shows at the latest month.
 *
 * @param available     false when the version is too short; {@code message} then says why (Chinese) and the rest is empty
 * @param message       what was done (or why nothing could be), Chinese
 * @param baseMonth     the month projected from
 * @param targetMonth   the latest month, compared with
 * @param horizonMonths 12, or 6 for a version of 7–12 months
 * @param rateMonths    months of data the rates were estimated from (all at or before the base)
 * @param rows          per region (city first, then districts) and indicator
 * @param summary       per indicator: the city's error and the districts' absolute percentage errors
 */
public record Backtest(boolean available, String message, String baseMonth, String targetMonth, int horizonMonths,
                       int rateMonths, List<Row> rows, List<Summary> summary) {

    /**
     * @param error        projected − observed: persons, or percentage points for a rate
     * @param errorPercent error / observed × 100; null when observed is 0
     * @param withinBand   whether the observed value lies in [low, high]
     */
    public record Row(String regionCode, String regionName, int regionLevel, Indicator indicator, double observed,
                      double projected, double low, double high, double error, Double errorPercent,
                      boolean withinBand) {
    }

    /**
     * @param cityErrorPercent               the city's error in %
     * @param districtMeanAbsErrorPercent    mean over districts of |error %| (MAPE)
     * @param districtMaxAbsErrorPercent     the largest |error %| of a district
     * @param districtsWithinBand            districts whose observed value is inside the band
     */
    public record Summary(Indicator indicator, Double cityErrorPercent, Double districtMeanAbsErrorPercent,
                          Double districtMaxAbsErrorPercent, int districtsWithinBand, int districts) {
    }

    static Backtest unavailable(String message) {
        return new Backtest(false, message, null, null, 0, 0, List.of(), List.of());
    }
}
