package cn.yinling.warehouse.forecast;

import cn.yinling.warehouse.serve.Region;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the projection (every scenario of {@link Scenario#BAND}, each district on its own, the city as their sum) and
 * the backtest on {@link ForecastInputs}. Pure computation: no database.
 */
public final class ForecastEngine {

    public static final int MAX_YEARS = 30;
    /** A one-year backtest needs the base month plus twelve more. */
    public static final int FULL_BACKTEST_MONTHS = 13;
    /** Below 13 months, a half-year backtest needs the base month plus six more. */
    public static final int HALF_YEAR_BACKTEST_MONTHS = 7;

    private ForecastEngine() {
    }

    public static Forecast forecast(ForecastInputs inputs, int years, int version) {
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("预测年数应为 1–" + MAX_YEARS + "，实际为 " + years);
        }
        YearMonth base = inputs.latestMonth();
        if (base == null) {
            throw new IllegalArgumentException("当前数仓版本没有人口数据，无法预测。");
        }
        ForecastModel model = ForecastModel.build(inputs, base);
        // per scenario, per region code (city first), per year 0..years
        List<Map<String, List<AgeSexTable>>> runs = new ArrayList<>();
        for (Scenario scenario : Scenario.BAND) {
            Map<String, List<AgeSexTable>> byRegion = new LinkedHashMap<>();
            List<List<AgeSexTable>> districts = new ArrayList<>();
            for (Region d : inputs.districts()) {
                List<AgeSexTable> path = new ArrayList<>();
                AgeSexTable start = model.basePopulation().get(d.regionCode());
                path.add(start);
                path.addAll(CohortComponent.project(start, model.assumptions().get(d.regionCode()), scenario, years));
                districts.add(path);
                byRegion.put(d.regionCode(), path);
            }
            List<AgeSexTable> city = new ArrayList<>();
            for (int y = 0; y <= years; y++) {
                AgeSexTable sum = new AgeSexTable();
                for (List<AgeSexTable> path : districts) {
                    sum.plus(path.get(y));
                }
                city.add(sum);
            }
            Map<String, List<AgeSexTable>> ordered = new LinkedHashMap<>();
            ordered.put(inputs.city().regionCode(), city);
            ordered.putAll(byRegion);
            runs.add(ordered);
        }
        List<Region> regions = new ArrayList<>();
        regions.add(inputs.city());
        regions.addAll(inputs.districts());
        List<Forecast.RegionForecast> out = new ArrayList<>();
        for (Region region : regions) {
            List<Forecast.YearPoint> points = new ArrayList<>();
            for (int y = 0; y <= years; y++) {
                YearMonth month = base.plusYears(y);
                Map<Indicator, Band> values = new EnumMap<>(Indicator.class);
                for (Indicator indicator : Indicator.values()) {
                    List<Double> variants = new ArrayList<>();
                    for (Map<String, List<AgeSexTable>> run : runs) {
                        variants.add(indicator.of(run.get(region.regionCode()).get(y)));
                    }
                    values.put(indicator, y == 0 ? Band.observed(variants.get(0)) : band(variants));
                }
                points.add(new Forecast.YearPoint(month.getYear(), month.toString(), y == 0, values));
            }
            out.add(new Forecast.RegionForecast(region.regionCode(), region.name(), region.level(), points));
        }
        return new Forecast(version, base.toString(), years, model.basis(), model.notes(), out);
    }

    /**
     * From the data as it stood a year before the latest month (half a year for a version of 7–12 months), one step
     * to the latest month, compared with it.
     */
    public static Backtest backtest(ForecastInputs inputs) {
        int months = inputs.months().size();
        YearMonth latest = inputs.latestMonth();
        int horizon;
        String message;
        if (months >= FULL_BACKTEST_MONTHS) {
            horizon = 12;
            message = "以 " + latest.minusMonths(12) + " 为基期、仅用当时已有的数据预测一年，与 " + latest + " 的实际户籍人口比较。";
        } else if (months >= HALF_YEAR_BACKTEST_MONTHS) {
            horizon = 6;
            message = "当前版本只有 " + months + " 个月的数据，不足 13 个月，无法做一年期回测；改为半年回测：以 "
                    + latest.minusMonths(6) + " 为基期、仅用当时已有的数据预测半年，与 " + latest
                    + " 的实际户籍人口比较。要做一年期回测，请导入至少 13 个月的数据（合成数据可用 ./aging generate --from 2023-01 --to 2024-12 生成 24 个月）。";
        } else {
            return Backtest.unavailable("当前版本只有 " + months + " 个月的数据，无法回测：一年期回测需要至少 13 个月，"
                    + "半年回测需要至少 7 个月。合成数据可用 ./aging generate --from 2023-01 --to 2024-12 生成 24 个月。");
        }
        YearMonth base = latest.minusMonths(horizon);
        if (!inputs.months().contains(base)) {
            return Backtest.unavailable("基期 " + base + " 没有人口数据（月份不连续），无法回测。");
        }
        ForecastModel model = ForecastModel.build(inputs, base);
        double fraction = horizon / 12.0;
        List<Map<String, AgeSexTable>> runs = new ArrayList<>();
        for (Scenario scenario : Scenario.BAND) {
            Map<String, AgeSexTable> byRegion = new LinkedHashMap<>();
            AgeSexTable city = new AgeSexTable();
            for (Region d : inputs.districts()) {
                AgeSexTable end = CohortComponent.step(model.basePopulation().get(d.regionCode()),
                        model.assumptions().get(d.regionCode()), scenario, fraction);
                byRegion.put(d.regionCode(), end);
                city.plus(end);
            }
            Map<String, AgeSexTable> ordered = new LinkedHashMap<>();
            ordered.put(inputs.city().regionCode(), city);
            ordered.putAll(byRegion);
            runs.add(ordered);
        }
        Map<String, AgeSexTable> observed = new LinkedHashMap<>();
        AgeSexTable cityObserved = new AgeSexTable();
        for (Region d : inputs.districts()) {
            AgeSexTable o = inputs.series(d.regionCode()).population(latest);
            observed.put(d.regionCode(), o);
            cityObserved.plus(o);
        }
        List<Region> regions = new ArrayList<>();
        regions.add(inputs.city());
        regions.addAll(inputs.districts());
        observed.put(inputs.city().regionCode(), cityObserved);

        List<Backtest.Row> rows = new ArrayList<>();
        for (Region region : regions) {
            for (Indicator indicator : Indicator.values()) {
                Double actual = indicator.of(observed.get(region.regionCode()));
                List<Double> variants = new ArrayList<>();
                for (Map<String, AgeSexTable> run : runs) {
                    variants.add(indicator.of(run.get(region.regionCode())));
                }
                Band band = band(variants);
                if (actual == null || band.central() == null) {
                    continue;
                }
                double error = band.central() - actual;
                Double percent = actual == 0 ? null : error / actual * 100;
                boolean within = actual >= band.low() - 1e-9 && actual <= band.high() + 1e-9;
                rows.add(new Backtest.Row(region.regionCode(), region.name(), region.level(), indicator, actual,
                        band.central(), band.low(), band.high(), error, percent, within));
            }
        }
        List<Backtest.Summary> summary = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            Double cityPercent = null;
            double sumAbs = 0;
            double maxAbs = 0;
            int counted = 0;
            int within = 0;
            int districts = 0;
            for (Backtest.Row row : rows) {
                if (row.indicator() != indicator) {
                    continue;
                }
                if (row.regionCode().equals(inputs.city().regionCode())) {
                    cityPercent = row.errorPercent();
                    continue;
                }
                districts++;
                if (row.withinBand()) {
                    within++;
                }
                if (row.errorPercent() != null) {
                    sumAbs += Math.abs(row.errorPercent());
                    maxAbs = Math.max(maxAbs, Math.abs(row.errorPercent()));
                    counted++;
                }
            }
            summary.add(new Backtest.Summary(indicator, cityPercent, counted == 0 ? null : sumAbs / counted,
                    counted == 0 ? null : maxAbs, within, districts));
        }
        return new Backtest(true, message, base.toString(), latest.toString(), horizon,
                model.basis().deathMonths(), rows, summary);
    }

    /** Central = the first variant (the central scenario); low and high = the smallest and largest of all. */
    private static Band band(List<Double> variants) {
        Double central = variants.get(0);
        if (central == null) {
            return new Band(null, null, null);
        }
        double low = central;
        double high = central;
        for (Double v : variants) {
            if (v != null) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return new Band(low, central, high);
    }
}
