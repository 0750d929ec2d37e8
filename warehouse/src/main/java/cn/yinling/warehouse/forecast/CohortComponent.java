package cn.yinling.warehouse.forecast;

import static cn.yinling.warehouse.forecast.AgeSexTable.AGES;
import static cn.yinling.warehouse.forecast.AgeSexTable.FEMALE;
import static cn.yinling.warehouse.forecast.AgeSexTable.MALE;
import static cn.yinling.warehouse.forecast.AgeSexTable.OPEN_AGE;

import java.util.ArrayList;
import java.util.List;

/**
 * The cohort-component projection by single year of age and sex. One step covers a fraction {@code f} of a year
 * (1 for the forecast's annual steps; ½ for the half-year backtest of a short version). Ages are completed years at
 * the step's start; birthdays are taken as spread evenly over the year. For each sex and age x:
 *
 * <ol>
 *   <li>net movers N(x) = f·(inflow(x)·in − outflow(x)·out) arrive (or leave) half at the start and half at the end
 *       of the step: Q(x) = P(x) + N(x)/2;</li>
 *   <li>a share f of Q(x) has a birthday and reaches age x+1, surviving exp(−f·(m(x) + m(x+1))/2) (half the time at
 *       each age); the rest stays at x, surviving exp(−f·m(x)); the open group 100+ stays, surviving
 *       exp(−f·m(100));</li>
 *   <li>the second half of the movers, N(x)/2, is added at x without further mortality; a negative cell becomes 0;</li>
 *   <li>births f·fertility·in·(W₀ + W₁)/2, W = women 15–49 at the start and at the end (before the births, which
 *       cannot change W), split by the boys' share, enter age 0 surviving exp(−f·m(0)/2).</li>
 * </ol>
 * With f = 1 the formula is the usual annual step P'(x+1) = (P(x) + N(x)/2)·exp(−(m(x) + m(x+1))/2) + N(x+1)/2.
 * Death rates are multiplied by the scenario's mortality factor, inflows and births by its inflow factor, outflows by
 * its outflow factor.
 */
public final class CohortComponent {

    private CohortComponent() {
    }

    /** The population {@code years} annual steps after {@code base}: element k is the end of year k+1. */
    public static List<AgeSexTable> project(AgeSexTable base, Assumptions assumptions, Scenario scenario, int years) {
        List<AgeSexTable> out = new ArrayList<>(years);
        AgeSexTable current = base;
        for (int y = 0; y < years; y++) {
            current = step(current, assumptions, scenario, 1.0);
            out.add(current);
        }
        return out;
    }

    /** One step of {@code fraction} (0 &lt; f ≤ 1) of a year; {@code start} is not changed. */
    public static AgeSexTable step(AgeSexTable start, Assumptions a, Scenario scenario, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("step fraction must be in (0, 1]: " + fraction);
        }
        double f = fraction;
        AgeSexTable end = new AgeSexTable();
        double[][] rates = new double[2][AGES];
        for (int s = 0; s < 2; s++) {
            for (int x = 0; x < AGES; x++) {
                rates[s][x] = a.deathRates().get(s, x) * scenario.mortality();
            }
            for (int x = 0; x < AGES; x++) {
                double net = f * (a.inflow().get(s, x) * scenario.inflow() - a.outflow().get(s, x) * scenario.outflow());
                double q = Math.max(0, start.get(s, x) + net / 2);
                if (x == OPEN_AGE) {
                    end.add(s, x, q * Math.exp(-f * rates[s][x]));
                } else {
                    end.add(s, x + 1, q * f * Math.exp(-f * (rates[s][x] + rates[s][x + 1]) / 2));
                    end.add(s, x, q * (1 - f) * Math.exp(-f * rates[s][x]));
                }
            }
            for (int x = 0; x < AGES; x++) {
                double net = f * (a.inflow().get(s, x) * scenario.inflow() - a.outflow().get(s, x) * scenario.outflow());
                end.set(s, x, Math.max(0, end.get(s, x) + net / 2));
            }
        }
        double womenAtStart = start.sum(FEMALE, Assumptions.FERTILE_FROM, Assumptions.FERTILE_TO);
        double womenAtEnd = end.sum(FEMALE, Assumptions.FERTILE_FROM, Assumptions.FERTILE_TO);
        double births = f * a.fertility() * scenario.inflow() * (womenAtStart + womenAtEnd) / 2;
        double[] share = {1 - a.maleBirthShare(), a.maleBirthShare()};
        for (int s : new int[] {FEMALE, MALE}) {
            end.add(s, 0, births * share[s] * Math.exp(-f * rates[s][0] / 2));
        }
        return end;
    }
}
