package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.forecast.Backtest;
import cn.yinling.warehouse.forecast.Band;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.Indicator;
import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The formats of {@code aging forecast}. Persons are rounded to whole persons, rates (percent) to two decimals; the
 * csv has one row per region, projected year and indicator.
 */
final class ForecastOutput {

    static final String CSV_HEADER = "region_code,region_name,year,indicator,low,central,high";
    static final String BACKTEST_CSV_HEADER =
            "region_code,region_name,indicator,observed,projected,low,high,error,error_percent,within_band";

    record Row(String regionCode, String regionName, int year, String month, String indicator, BigDecimal low,
               BigDecimal central, BigDecimal high) {
    }

    record ForecastJson(int version, String baseMonth, int years, List<String> notes, List<Row> rows) {
    }

    record BacktestJson(String baseMonth, String targetMonth, int horizonMonths, String message,
                        List<Backtest.Row> rows) {
    }

    private ForecastOutput() {
    }

    static List<Row> rows(List<Forecast.RegionForecast> regions) {
        List<Row> rows = new ArrayList<>();
        for (Forecast.RegionForecast region : regions) {
            for (Forecast.YearPoint point : region.points()) {
                if (point.observed()) {
                    continue;
                }
                for (Indicator indicator : Indicator.values()) {
                    Band band = point.values().get(indicator);
                    rows.add(new Row(region.regionCode(), region.regionName(), point.year(), point.month(),
                            indicator.name(), round(band.low(), indicator), round(band.central(), indicator),
                            round(band.high(), indicator)));
                }
            }
        }
        return rows;
    }

    static String csv(List<Forecast.RegionForecast> regions) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows(regions)) {
            out.append(String.join(",", r.regionCode(), r.regionName(), Integer.toString(r.year()), r.indicator(),
                    plain(r.low()), plain(r.central()), plain(r.high()))).append('\n');
        }
        return out.toString();
    }

    static ForecastJson forecastJson(Forecast forecast, List<Forecast.RegionForecast> regions) {
        return new ForecastJson(forecast.version(), forecast.baseMonth(), forecast.years(), forecast.notes(),
                rows(regions));
    }

    static String table(Forecast forecast, List<Forecast.RegionForecast> regions, KpiCatalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("发展预测（数仓版本 ").append(forecast.version()).append("，基期 ").append(forecast.baseMonth())
                .append("，预测 ").append(forecast.years()).append(" 年；区间为死亡率 ±10%、迁移与出生 ±20% 组合下的最低至最高值）\n");
        for (Forecast.RegionForecast region : regions) {
            out.append('\n').append(region.regionName()).append('（').append(region.regionCode()).append("）\n");
            List<String> header = new ArrayList<>(List.of("年份"));
            for (Indicator indicator : Indicator.values()) {
                header.add(catalog.get(indicator.name()).name() + ">");
            }
            TextTable table = TextTable.of(header.toArray(String[]::new));
            for (Forecast.YearPoint point : region.points()) {
                List<String> cells = new ArrayList<>();
                cells.add(point.observed() ? point.year() + "实际" : Integer.toString(point.year()));
                for (Indicator indicator : Indicator.values()) {
                    Band band = point.values().get(indicator);
                    cells.add(point.observed() ? plain(round(band.central(), indicator))
                            : plain(round(band.central(), indicator)) + " [" + plain(round(band.low(), indicator)) + "–"
                            + plain(round(band.high(), indicator)) + "]");
                }
                table.row(cells.toArray(String[]::new));
            }
            out.append(table.render());
        }
        forecast.notes().forEach(n -> out.append("\n注：").append(n));
        if (!forecast.notes().isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    static String backtestCsv(List<Backtest.Row> rows) {
        StringBuilder out = new StringBuilder(BACKTEST_CSV_HEADER).append('\n');
        for (Backtest.Row r : rows) {
            Indicator i = r.indicator();
            out.append(String.join(",", r.regionCode(), r.regionName(), i.name(), plain(round(r.observed(), i)),
                    plain(round(r.projected(), i)), plain(round(r.low(), i)), plain(round(r.high(), i)),
                    plain(round(r.error(), i)), r.errorPercent() == null ? "" : plain(scale(r.errorPercent(), 2)),
                    Boolean.toString(r.withinBand()))).append('\n');
        }
        return out.toString();
    }

    static String backtestTable(Backtest backtest, List<Backtest.Row> rows, KpiCatalog catalog) {
        StringBuilder out = new StringBuilder(backtest.message()).append("\n\n");
        TextTable table = TextTable.of("区划代码", "区划名称", "指标", "实际>", "预测>", "误差>", "误差%>", "落在区间内");
        for (Backtest.Row r : rows) {
            KpiDefinition kpi = catalog.get(r.indicator().name());
            Indicator i = r.indicator();
            table.row(r.regionCode(), r.regionName(), kpi.name(), plain(round(r.observed(), i)),
                    plain(round(r.projected(), i)), plain(round(r.error(), i)),
                    r.errorPercent() == null ? "—" : plain(scale(r.errorPercent(), 2)), r.withinBand() ? "是" : "否");
        }
        return out.append(table.render()).toString();
    }

    static String json(Object value) {
        try {
            return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal round(Double value, Indicator indicator) {
        return value == null ? null : scale(value, indicator.isRate() ? 2 : 0);
    }

    private static BigDecimal scale(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
