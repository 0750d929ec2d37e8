package cn.yinling.warehouse.forecast;

import cn.yinling.warehouse.serve.Region;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the forecast reads from a published version.
 *
 * @param city       the city (level 2); its figures are the sums of its districts'
 * @param districts  the districts (level 3), by code
 * @param months     the months that have population figures, oldest first
 * @param series     each district's history, by district code
 */
public record ForecastInputs(Region city, List<Region> districts, List<YearMonth> months,
                             Map<String, RegionSeries> series) {

    public YearMonth latestMonth() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    /** The earliest month with a birth or a move in any district (the register's second snapshot), if any. */
    public Optional<YearMonth> firstFlowMonth() {
        return series.values().stream().map(RegionSeries::firstFlowMonth).flatMap(Optional::stream)
                .min(YearMonth::compareTo);
    }

    public RegionSeries series(String districtCode) {
        return series.getOrDefault(districtCode, new RegionSeries());
    }
}
