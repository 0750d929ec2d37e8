package cn.yinling.warehouse.forecast;

import static cn.yinling.warehouse.forecast.AgeSexTable.FEMALE;
import static cn.yinling.warehouse.forecast.AgeSexTable.MALE;
import static java.lang.Math.exp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two annual steps of the cohort-component projection computed by hand: men and women aged 59 and 60 (either side
 * of the pop_60 boundary), 1,000 women aged 49 who bear the only births, death rates only at 0 and 59–62, 40 women
 * aged 59 moving in and 20 men aged 60 moving out each year. Movers arrive (leave) half at the start and half at the
 * end of a year; survival from age x to x+1 over a year is exp(−(m(x) + m(x+1))/2).
 */
class CohortComponentTest {

    private static final double TOLERANCE = 1e-9;

    private final AgeSexTable base = new AgeSexTable();
    private final AgeSexTable rates = new AgeSexTable();
    private final AgeSexTable inflow = new AgeSexTable();
    private final AgeSexTable outflow = new AgeSexTable();

    CohortComponentTest() {
        base.set(FEMALE, 49, 1000);
        base.set(FEMALE, 59, 1000);
        base.set(FEMALE, 60, 800);
        base.set(MALE, 59, 900);
        base.set(MALE, 60, 700);
        for (int s : new int[] {FEMALE, MALE}) {
            rates.set(s, 0, 0.01);
        }
        rates.set(FEMALE, 59, 0.01);
        rates.set(FEMALE, 60, 0.02);
        rates.set(FEMALE, 61, 0.03);
        rates.set(FEMALE, 62, 0.04);
        rates.set(MALE, 59, 0.02);
        rates.set(MALE, 60, 0.04);
        rates.set(MALE, 61, 0.06);
        rates.set(MALE, 62, 0.08);
        inflow.set(FEMALE, 59, 40);
        outflow.set(MALE, 60, 20);
    }

    /** 0.05 births a year per woman aged 15–49, half of them boys. */
    private Assumptions assumptions() {
        return new Assumptions(rates, inflow, outflow, 0.05, 0.5);
    }

    @Test
    void twoYearsByHand() {
        List<AgeSexTable> years = CohortComponent.project(base, assumptions(), Scenario.CENTRAL, 2);
        AgeSexTable y1 = years.get(0);
        AgeSexTable y2 = years.get(1);

        // Year 1, women. 49 → 50 with no mortality: 1,000.
        //   59: 1,000 + 40/2 movers at the start = 1,020 → 60 surviving exp(−(0.01 + 0.02)/2); 40/2 arrive at 59 at the end.
        //   60: 800 → 61 surviving exp(−(0.02 + 0.03)/2).
        //   births: 0.05 × (1,000 women 15–49 at the start + 0 at the end) / 2 = 25, 12.5 girls surviving exp(−0.01/2).
        assertEquals(1000, y1.get(FEMALE, 50), TOLERANCE);
        assertEquals(20, y1.get(FEMALE, 59), TOLERANCE);
        assertEquals(1020 * exp(-0.015), y1.get(FEMALE, 60), TOLERANCE);
        assertEquals(800 * exp(-0.025), y1.get(FEMALE, 61), TOLERANCE);
        assertEquals(12.5 * exp(-0.005), y1.get(FEMALE, 0), TOLERANCE);
        // Year 1, men. 59: 900 → 60 surviving exp(−(0.02 + 0.04)/2); then 20/2 leave at 60 at the end.
        //   60: 700 − 20/2 = 690 at the start → 61 surviving exp(−(0.04 + 0.06)/2).
        assertEquals(900 * exp(-0.03) - 10, y1.get(MALE, 60), TOLERANCE);
        assertEquals(690 * exp(-0.05), y1.get(MALE, 61), TOLERANCE);
        assertEquals(12.5 * exp(-0.005), y1.get(MALE, 0), TOLERANCE);

        double pop60Year1 = 1020 * exp(-0.015) + 800 * exp(-0.025) + 900 * exp(-0.03) - 10 + 690 * exp(-0.05);
        double totalYear1 = 1000 + 20 + 2 * 12.5 * exp(-0.005) + pop60Year1;
        assertEquals(pop60Year1, Indicator.pop_60.of(y1), TOLERANCE);
        assertEquals(totalYear1, Indicator.pop_total.of(y1), TOLERANCE);
        assertEquals(pop60Year1 / totalYear1 * 100, Indicator.aging_rate_60.of(y1), TOLERANCE);
        assertEquals(0, Indicator.pop_65.of(y1), TOLERANCE);

        // Year 2, women. 0 → 1 surviving exp(−(0.01 + 0)/2): 12.5·exp(−0.01). 50 → 51: 1,000.
        //   59: 20 + 20 = 40 → 60 surviving exp(−0.015); 20 arrive at the end. 60 → 61: 1,020·exp(−0.015 − 0.025).
        //   61 → 62 surviving exp(−(0.03 + 0.04)/2): 800·exp(−0.025 − 0.035). No woman is 15–49: no births.
        assertEquals(12.5 * exp(-0.01), y2.get(FEMALE, 1), TOLERANCE);
        assertEquals(1000, y2.get(FEMALE, 51), TOLERANCE);
        assertEquals(20, y2.get(FEMALE, 59), TOLERANCE);
        assertEquals(40 * exp(-0.015), y2.get(FEMALE, 60), TOLERANCE);
        assertEquals(1020 * exp(-0.04), y2.get(FEMALE, 61), TOLERANCE);
        assertEquals(800 * exp(-0.06), y2.get(FEMALE, 62), TOLERANCE);
        assertEquals(0, y2.get(FEMALE, 0), TOLERANCE);
        // Year 2, men. 60: (900·exp(−0.03) − 10) − 10 at the start → 61 surviving exp(−0.05); at the end 0 − 10 at 60,
        //   which cannot be: 0. 61 → 62 surviving exp(−(0.06 + 0.08)/2): 690·exp(−0.05 − 0.07).
        assertEquals(0, y2.get(MALE, 60), TOLERANCE);
        assertEquals((900 * exp(-0.03) - 20) * exp(-0.05), y2.get(MALE, 61), TOLERANCE);
        assertEquals(690 * exp(-0.12), y2.get(MALE, 62), TOLERANCE);
        assertEquals(12.5 * exp(-0.01), y2.get(MALE, 1), TOLERANCE);

        double pop60Year2 = 40 * exp(-0.015) + 1020 * exp(-0.04) + 800 * exp(-0.06)
                + (900 * exp(-0.03) - 20) * exp(-0.05) + 690 * exp(-0.12);
        double totalYear2 = 2 * 12.5 * exp(-0.01) + 1000 + 20 + pop60Year2;
        assertEquals(pop60Year2, Indicator.pop_60.of(y2), TOLERANCE);
        assertEquals(totalYear2, Indicator.pop_total.of(y2), TOLERANCE);
        assertEquals(pop60Year2 / totalYear2 * 100, Indicator.aging_rate_60.of(y2), TOLERANCE);
        assertEquals(0, Indicator.pop_100.of(y2), TOLERANCE);
    }

    @Test
    void aScenarioScalesDeathRatesInflowsAndOutflows() {
        // Death rates +10 %, inflows −20 %, outflows +20 %: women 59 → 60 in year 1 = (1,000 + 0.8·40/2)·exp(−1.1·0.015).
        Scenario low = new Scenario("low", 1.1, 0.8, 1.2);
        AgeSexTable y1 = CohortComponent.step(base, assumptions(), low, 1);
        assertEquals((1000 + 16) * exp(-1.1 * 0.015), y1.get(FEMALE, 60), TOLERANCE);
        assertEquals(0.8 * 40 / 2, y1.get(FEMALE, 59), TOLERANCE);
        // men 60: (700 − 1.2·20/2)·exp(−1.1·0.05); births 0.8 × 25
        assertEquals((700 - 12) * exp(-1.1 * 0.05), y1.get(MALE, 61), TOLERANCE);
        assertEquals(0.8 * 12.5 * exp(-1.1 * 0.005), y1.get(MALE, 0), TOLERANCE);
    }

    @Test
    void aHalfYearStepAgesHalfOfEachCohort() {
        // f = ½: half of the 800 women aged 60 reach 61 surviving exp(−½·(0.02 + 0.03)/2); half stay, exp(−½·0.02).
        // The 1,000 aged 59 (no movers counted here) likewise: half to 60, half stay.
        Assumptions noMoves = new Assumptions(rates, new AgeSexTable(), new AgeSexTable(), 0, 0.5);
        AgeSexTable half = CohortComponent.step(base, noMoves, Scenario.CENTRAL, 0.5);
        assertEquals(400 * exp(-0.5 * 0.025), half.get(FEMALE, 61), TOLERANCE);
        assertEquals(400 * exp(-0.5 * 0.02) + 500 * exp(-0.5 * 0.015), half.get(FEMALE, 60), TOLERANCE);
        assertEquals(500 * exp(-0.5 * 0.01), half.get(FEMALE, 59), TOLERANCE);
    }

    @Test
    void theOpenAgeGroupKeepsItsSurvivorsAndGainsThe99YearOlds() {
        AgeSexTable old = new AgeSexTable();
        old.set(FEMALE, 99, 10);
        old.set(FEMALE, 100, 5);
        AgeSexTable r = new AgeSexTable();
        r.set(FEMALE, 99, 0.3);
        r.set(FEMALE, 100, 0.4);
        AgeSexTable y1 = CohortComponent.step(old, new Assumptions(r, new AgeSexTable(), new AgeSexTable(), 0, 0.5),
                Scenario.CENTRAL, 1);
        assertEquals(10 * exp(-0.35) + 5 * exp(-0.4), y1.get(FEMALE, 100), TOLERANCE);
        assertEquals(0, y1.get(FEMALE, 99), TOLERANCE);
        assertTrue(Indicator.pop_100.of(y1) > 0);
    }
}
