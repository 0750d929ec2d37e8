package cn.yinling.warehouse.forecast;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A projection of the city and its districts from a published version's latest month.
 *
 * @param version   the warehouse version it was computed from
 * @param baseMonth the base month ({@code YYYY-MM}); year k of the projection ends k·12 months after it
 * @param years     years projected
 * @param basis     what the assumptions were estimated from
 * @param notes     caveats in Chinese (short data, no fit …), empty when there are none
 * @param regions   the city first (sum of its districts), then the districts by code
 */
public record Forecast(int version, String baseMonth, int years, RateBasis basis, List<String> notes,
                       List<RegionForecast> regions) {

    /** One region's figures: the base month as observed, then one point per projected year. */
    public record RegionForecast(String regionCode, String regionName, int regionLevel, List<YearPoint> points) {
    }

    /**
     * @param year     calendar year of the point's month
     * @param month    {@code YYYY-MM}: the base month, then the same month of each following year
     * @param observed true for the base (low = central = high = the register's figure)
     */
    public record YearPoint(int year, String month, boolean observed, Map<Indicator, Band> values) {
    }

    public Optional<RegionForecast> region(String regionCode) {
        return regions.stream().filter(r -> r.regionCode().equals(regionCode)).findFirst();
    }
}
