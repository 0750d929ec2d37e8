package cn.yinling.warehouse.forecast;

import static cn.yinling.warehouse.forecast.AgeSexTable.FEMALE;
import static cn.yinling.warehouse.forecast.AgeSexTable.MALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.serve.Region;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assumptions estimated from a hand-made history, and when a backtest can be made. */
class ForecastModelTest {

    static final Region CITY = new Region("320300000000", "徐州市", 2, "320000000000");
    static final Region GULOU = new Region("320302000000", "鼓楼区", 3, "320300000000");
    static final Region YUNLONG = new Region("320303000000", "云龙区", 3, "320300000000");
    static final YearMonth JAN = YearMonth.of(2024, 1);

    @Test
    void ratesFlowsAndBirthsFromFourMonthsByHand() {
        // 鼓楼区: 1,200 women aged 30 at each of four month ends → 4 × 1,200 / 12 = 400 person-years;
        // 4 deaths at 30 → the 30–34 group's rate 4 / 400 = 0.01 for each of 30–34 (the only district: the city's).
        // February is the first month with flows (the register's second snapshot): its 7 newcomers and 3 births may
        // be January's rejected rows and are left out. Flows count from March: 2 flow months = 1/6 year.
        // 5 + 1 women aged 30 move in → 6 / (1/6) = 36 a year; 2 men aged 40 move out → 12 a year.
        // Births 1 girl + 1 boy over 1,200 × 2 / 12 = 200 woman-years aged 15–49 → 0.01 a woman-year, boys' share ½.
        RegionSeries gulou = new RegionSeries();
        for (int m = 0; m < 4; m++) {
            gulou.addPopulation(JAN.plusMonths(m), FEMALE, 30, 1200);
        }
        gulou.addDeaths(JAN, FEMALE, 30, 3).addDeaths(JAN.plusMonths(3), FEMALE, 30, 1);
        gulou.addFlow(JAN.plusMonths(1), RegionSeries.Flow.move_in, FEMALE, 30, 7)
                .addFlow(JAN.plusMonths(1), RegionSeries.Flow.birth, MALE, 0, 3)
                .addFlow(JAN.plusMonths(2), RegionSeries.Flow.move_in, FEMALE, 30, 5)
                .addFlow(JAN.plusMonths(3), RegionSeries.Flow.transfer_in, FEMALE, 30, 1)
                .addFlow(JAN.plusMonths(3), RegionSeries.Flow.move_out, MALE, 40, 2)
                .addFlow(JAN.plusMonths(2), RegionSeries.Flow.birth, FEMALE, 0, 1)
                .addFlow(JAN.plusMonths(3), RegionSeries.Flow.birth, MALE, 0, 1);
        ForecastInputs inputs = new ForecastInputs(CITY, List.of(GULOU),
                List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(2), JAN.plusMonths(3)), Map.of(GULOU.regionCode(), gulou));

        ForecastModel model = ForecastModel.build(inputs, JAN.plusMonths(3));
        Assumptions a = model.assumptions().get(GULOU.regionCode());

        for (int x = 30; x <= 34; x++) {
            assertEquals(0.01, a.deathRates().get(FEMALE, x), 1e-12, "m(" + x + ")");
        }
        assertEquals(0, a.deathRates().get(FEMALE, 29), 1e-12);
        assertEquals(36, a.inflow().get(FEMALE, 30), 1e-9);
        assertEquals(12, a.outflow().get(MALE, 40), 1e-9);
        assertEquals(0.01, a.fertility(), 1e-12);
        assertEquals(0.5, a.maleBirthShare(), 1e-12);
        assertEquals(1200, model.basePopulation().get(GULOU.regionCode()).total(), 1e-9);
        assertEquals(4, model.basis().deathMonths());
        assertEquals(2, model.basis().flowMonths());
        assertEquals(400, model.basis().personYears(), 1e-9);
        assertEquals(2, model.basis().births(), 1e-9);
        assertEquals(6, model.basis().movesIn(), 1e-9);
        assertNull(model.basis().femaleFit(), "no deaths at 60+: five-year groups, no fit");
        assertTrue(model.notes().stream().anyMatch(n -> n.contains("仅依据 4 个月")), model.notes().toString());
    }

    @Test
    void quarterlySnapshotsCountFlowsFromTheMonthAfterTheSecondSnapshot() {
        // Snapshots in March, June, September, December (the months between are filled from the last snapshot):
        // March is the first month with flows and is left out; April–December is 9 months = ¾ year, and the 3 + 3 + 3
        // women aged 30 moving in at the June, September and December snapshots give 9 / ¾ = 12 a year.
        RegionSeries gulou = new RegionSeries();
        List<YearMonth> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(JAN.plusMonths(m));
            gulou.addPopulation(JAN.plusMonths(m), FEMALE, 30, 1000);
        }
        gulou.addFlow(YearMonth.of(2024, 3), RegionSeries.Flow.move_in, FEMALE, 30, 50);
        for (int month : new int[] {6, 9, 12}) {
            gulou.addFlow(YearMonth.of(2024, month), RegionSeries.Flow.move_in, FEMALE, 30, 3);
        }
        ForecastModel model = ForecastModel.build(new ForecastInputs(CITY, List.of(GULOU), months,
                Map.of(GULOU.regionCode(), gulou)), YearMonth.of(2024, 12));
        assertEquals(9, model.basis().flowMonths());
        assertEquals(12, model.assumptions().get(GULOU.regionCode()).inflow().get(FEMALE, 30), 1e-9);
    }

    @Test
    void underTwentyDeathsAt60PlusFiveYearGroupsReplaceTheFit() {
        // women: 1,000 person-years at each of 60–64 and 2 deaths at each → 10 deaths < 20: the group rate
        // 10 / 5,000 = 0.002 for 60–64; 65–69 had nobody and takes the group below's rate
        AgeSexTable deaths = new AgeSexTable();
        AgeSexTable exposure = new AgeSexTable();
        for (int x = 60; x <= 64; x++) {
            deaths.set(FEMALE, x, 2);
            exposure.set(FEMALE, x, 1000);
        }
        DeathRates.CityRates city = DeathRates.city(deaths, exposure);
        assertNull(city.fits()[FEMALE]);
        assertEquals(0.002, city.rates().get(FEMALE, 62), 1e-12);
        assertEquals(0.002, city.rates().get(FEMALE, 67), 1e-12);
    }

    @Test
    void aDistrictWithFewDeathsIsShrunkTowardsTheCity() {
        // City rate at 60+: 0.05 everywhere. A district with 100 person-years at each age 60–100 expects
        // 41 × 100 × 0.05 = 205 deaths; it had 410 → ratio (410 + 25) / (205 + 25) = 435 / 230.
        // A district with 2 person-years at each age expects 4.1 and had 8.2 → (8.2 + 25) / (4.1 + 25) = 33.2 / 29.1.
        AgeSexTable city = new AgeSexTable();
        AgeSexTable bigExposure = new AgeSexTable();
        AgeSexTable bigDeaths = new AgeSexTable();
        AgeSexTable smallExposure = new AgeSexTable();
        AgeSexTable smallDeaths = new AgeSexTable();
        for (int x = 60; x <= 100; x++) {
            city.set(FEMALE, x, 0.05);
            bigExposure.set(FEMALE, x, 100);
            bigDeaths.set(FEMALE, x, 10);
            smallExposure.set(FEMALE, x, 2);
            smallDeaths.set(FEMALE, x, 0.2);
        }
        AgeSexTable big = DeathRates.district(city, bigDeaths, bigExposure);
        AgeSexTable small = DeathRates.district(city, smallDeaths, smallExposure);
        assertEquals(0.05 * 435 / 230, big.get(FEMALE, 70), 1e-12);
        assertEquals(0.05 * 33.2 / 29.1, small.get(FEMALE, 70), 1e-12);
        // men had neither deaths nor exposure: the city's rates (0 here) times (0 + 25) / (0 + 25)
        assertEquals(0, big.get(MALE, 70), 1e-12);
    }

    @Test
    void backtestNeedsSevenMonthsAndIsHalfAYearBelowThirteen() {
        assertFalse(ForecastEngine.backtest(flatCity(6)).available());
        assertTrue(ForecastEngine.backtest(flatCity(6)).message().contains("无法回测"));

        Backtest half = ForecastEngine.backtest(flatCity(12));
        assertTrue(half.available());
        assertEquals(6, half.horizonMonths());
        assertEquals("2024-06", half.baseMonth());
        assertEquals("2024-12", half.targetMonth());
        assertTrue(half.message().contains("不足 13 个月"), half.message());

        Backtest full = ForecastEngine.backtest(flatCity(14));
        assertEquals(12, full.horizonMonths());
        assertEquals("2024-02", full.baseMonth());
        assertEquals("2025-02", full.targetMonth());
        assertEquals(2, full.rateMonths());
    }

    @Test
    void aPopulationWithoutDeathsOrMovesIsProjectedToAgeOnlyAndTheCityIsTheSumOfItsDistricts() {
        // 12 months of 100 men aged 58 in each district, no deaths, no flows: one year later they are 59, then 60.
        Forecast forecast = ForecastEngine.forecast(flatCity(12), 2, 7);
        Forecast.RegionForecast city = forecast.regions().get(0);
        assertEquals(CITY.regionCode(), city.regionCode());
        assertEquals(List.of("2024-12", "2025-12", "2026-12"), city.points().stream().map(Forecast.YearPoint::month).toList());
        assertEquals(200, city.points().get(0).values().get(Indicator.pop_total).central(), 1e-9);
        assertEquals(0, city.points().get(1).values().get(Indicator.pop_60).central(), 1e-9);
        assertEquals(200, city.points().get(2).values().get(Indicator.pop_60).central(), 1e-9);
        assertEquals(100, city.points().get(2).values().get(Indicator.aging_rate_60).high(), 1e-9);
        Forecast.RegionForecast gulou = forecast.region(GULOU.regionCode()).orElseThrow();
        assertEquals(100, gulou.points().get(2).values().get(Indicator.pop_60).low(), 1e-9);
        assertEquals(7, forecast.version());
    }

    /** Two districts of 100 men aged 58, {@code months} months from 2024-12 back, nothing else happening. */
    static ForecastInputs flatCity(int months) {
        YearMonth first = YearMonth.of(2024, 12).minusMonths(months - 1);
        if (months > 12) {
            first = YearMonth.of(2024, 1);
        }
        List<YearMonth> list = new ArrayList<>();
        Map<String, RegionSeries> series = new LinkedHashMap<>();
        for (Region d : List.of(GULOU, YUNLONG)) {
            series.put(d.regionCode(), new RegionSeries());
        }
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            list.add(month);
            for (RegionSeries s : series.values()) {
                s.addPopulation(month, MALE, 58, 100);
            }
        }
        return new ForecastInputs(CITY, List.of(GULOU, YUNLONG), list, series);
    }
}
