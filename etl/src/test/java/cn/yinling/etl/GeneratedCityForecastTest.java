package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.forecast.Backtest;
import cn.yinling.warehouse.forecast.Forecast;
import cn.yinling.warehouse.forecast.ForecastService;
import cn.yinling.warehouse.forecast.Indicator;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The forecast on the generated city of {@link GeneratedCity} through the real code paths: generator (24 months,
 * 2023-01..2024-12, a tiny scale) → landing → ETL (whose data tests reconcile the forecast marts with mart_kpi) →
 * published version →
 * {@link ForecastService}. Prints the backtest error per output for the city and each district; the city's errors
 * must stay within loose sanity bounds (the generator's own mortality, moves and births are what the projection has
 * to recover from the register alone).
 */
class GeneratedCityForecastTest {

    @Test
    void backtestOnTwoGeneratedYearsIsCloseAndTheForecastRuns() throws Exception {
        GeneratedCity generated = GeneratedCity.get();
        EtlRun.Result result = generated.result;
        AgingHome home = generated.home;
        Set<String> passed = result.tests().stream().filter(DataTests.Result::passed).map(DataTests.Result::name)
                .collect(Collectors.toSet());
        assertTrue(passed.containsAll(List.of("reconcile_population_age_kpi", "reconcile_death_age_kpi",
                "accepted_values_forecast_marts", "unique_not_null_mart_population_flow")), passed.toString());

        try (WarehouseReader reader = WarehouseReader.open(home)) {
            ForecastService service = new ForecastService(reader);
            Backtest backtest = service.backtest();
            assertTrue(backtest.available(), backtest.message());
            assertEquals("2023-12", backtest.baseMonth());
            assertEquals("2024-12", backtest.targetMonth());
            assertEquals(12, backtest.horizonMonths());
            assertEquals(12, backtest.rateMonths());
            System.out.println("backtest " + backtest.baseMonth() + " → " + backtest.targetMonth() + ": " + backtest.message());
            System.out.printf("%-14s %-8s %-14s %10s %10s %9s %8s %s%n", "region", "name", "indicator", "observed",
                    "projected", "error", "error%", "in band");
            for (Backtest.Row r : backtest.rows()) {
                System.out.printf("%-14s %-8s %-14s %10.2f %10.2f %9.2f %8s %s%n", r.regionCode(), r.regionName(),
                        r.indicator(), r.observed(), r.projected(), r.error(),
                        r.errorPercent() == null ? "—" : String.format("%.2f", r.errorPercent()), r.withinBand());
            }
            for (Backtest.Summary s : backtest.summary()) {
                System.out.printf("summary %-14s city %s%%, districts mean |error| %s%%, max %s%%, in band %d/%d%n",
                        s.indicator(), fmt(s.cityErrorPercent()), fmt(s.districtMeanAbsErrorPercent()),
                        fmt(s.districtMaxAbsErrorPercent()), s.districtsWithinBand(), s.districts());
            }
            assertEquals(12 * Indicator.values().length, backtest.rows().size(), "city + 11 districts × 7 outputs");
            Backtest.Row cityPop60 = row(backtest, "320300000000", Indicator.pop_60);
            assertTrue(Math.abs(cityPop60.errorPercent()) < 5, "city pop_60 error " + cityPop60.errorPercent() + " %");
            Backtest.Row cityTotal = row(backtest, "320300000000", Indicator.pop_total);
            assertTrue(Math.abs(cityTotal.errorPercent()) < 2, "city pop_total error " + cityTotal.errorPercent() + " %");
            Backtest.Row cityRate = row(backtest, "320300000000", Indicator.aging_rate_60);
            assertTrue(Math.abs(cityRate.error()) < 1, "city aging_rate_60 error " + cityRate.error() + " points");

            Forecast forecast = service.forecast(10);
            assertEquals("2024-12", forecast.baseMonth());
            assertEquals(12, forecast.regions().size());
            Forecast.RegionForecast city = forecast.regions().get(0);
            assertEquals(11, city.points().size());
            for (Forecast.YearPoint p : city.points()) {
                System.out.printf("forecast %s pop_total %.0f pop_60 %.0f [%.0f–%.0f] pop_80 %.0f pop_100 %.1f aging_rate_60 %.2f%%%n",
                        p.month(), p.values().get(Indicator.pop_total).central(), p.values().get(Indicator.pop_60).central(),
                        p.values().get(Indicator.pop_60).low(), p.values().get(Indicator.pop_60).high(),
                        p.values().get(Indicator.pop_80).central(), p.values().get(Indicator.pop_100).central(),
                        p.values().get(Indicator.aging_rate_60).central());
                assertTrue(p.values().get(Indicator.pop_60).low() <= p.values().get(Indicator.pop_60).central()
                        && p.values().get(Indicator.pop_60).central() <= p.values().get(Indicator.pop_60).high());
            }
            System.out.println("fits: women " + forecast.basis().femaleFit() + ", men " + forecast.basis().maleFit());
            System.out.println("basis: " + forecast.basis());
            // the generator's hazard is 0.8 (women) and 1.2 (men) × (0.0003 + 2.75e-5·e^{0.095x}); at this tiny scale
            // (some 50 deaths a year at 60+ per sex at scale 0.001) the fitted curve must still come near it at 70, 80 and 90
            for (int age = 70; age <= 90; age += 10) {
                double truth = 0.0003 + 2.75e-5 * Math.exp(0.095 * (age + 0.5));
                assertEquals(0.8 * truth, forecast.basis().femaleFit().hazard(age + 0.5), 0.35 * 0.8 * truth, "women " + age);
                assertEquals(1.2 * truth, forecast.basis().maleFit().hazard(age + 0.5), 0.35 * 1.2 * truth, "men " + age);
            }
        }
    }

    private static Backtest.Row row(Backtest backtest, String region, Indicator indicator) {
        return backtest.rows().stream().filter(r -> r.regionCode().equals(region) && r.indicator() == indicator)
                .findFirst().orElseThrow();
    }

    private static String fmt(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }
}
