package cn.yinling.warehouse.forecast;

import static cn.yinling.warehouse.forecast.AgeSexTable.AGES;
import static cn.yinling.warehouse.forecast.AgeSexTable.OPEN_AGE;

import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Smoothed central death rates m(x) = deaths / person-years, by sex and single year of age.
 *
 * <p>The city's rates: below {@value #FIT_FROM} the deaths and person-years of the age groups 0, 1–4, 5–9 … 55–59
 * are pooled and the group's rate holds for each of its ages (single years there have too few deaths to be read
 * one by one). From {@value #FIT_FROM} on, a {@link GompertzMakeham} hazard fitted by Poisson maximum likelihood to
 * the ages {@value #FIT_FROM}–100+ gives m(x) = μ(x + ½) (the open group at {@value #OPEN_GROUP_AGE}). With fewer than
 * {@value #MIN_FIT_DEATHS} deaths at {@value #FIT_FROM}+ for a sex (or a fit that fails or does not rise with age),
 * five-year groups are pooled there as well.
 *
 * <p>A district's rates are the city's times a mortality ratio per sex and age segment (0–59, 60+), shrunk towards
 * the city: ratio = (D + K) / (E + K), with D the district's deaths, E the deaths the city's rates would give its
 * person-years and K = {@value #SHRINK_DEATHS} pseudo-deaths. A district with many deaths keeps its own level; one
 * with few expected deaths (E ≪ K) takes nearly the city's rates; at E = K it is half-way.
 */
public final class DeathRates {

    public static final int FIT_FROM = 60;
    public static final int MIN_FIT_DEATHS = 20;
    public static final double SHRINK_DEATHS = 25;
    public static final double OPEN_GROUP_AGE = 101.5;
    private static final int GROUP_WIDTH = 5;

    /** The city's rates and, per sex, the fitted hazard (null where five-year groups were used instead). */
    public record CityRates(AgeSexTable rates, GompertzMakeham[] fits) {
    }

    private DeathRates() {
    }

    public static double representativeAge(int age) {
        return age == OPEN_AGE ? OPEN_GROUP_AGE : age + 0.5;
    }

    public static CityRates city(AgeSexTable deaths, AgeSexTable exposure) {
        AgeSexTable rates = new AgeSexTable();
        GompertzMakeham[] fits = new GompertzMakeham[2];
        for (int s = 0; s < 2; s++) {
            pooled(rates, deaths, exposure, s, 0, 1);
            pooled(rates, deaths, exposure, s, 1, GROUP_WIDTH);
            for (int from = GROUP_WIDTH; from < FIT_FROM; from += GROUP_WIDTH) {
                pooled(rates, deaths, exposure, s, from, from + GROUP_WIDTH);
            }
            if (deaths.sum(s, FIT_FROM, OPEN_AGE) >= MIN_FIT_DEATHS && agesWithDeaths(deaths, s) >= 2) {
                int n = AGES - FIT_FROM;
                double[] ages = new double[n];
                double[] d = new double[n];
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    ages[i] = representativeAge(FIT_FROM + i);
                    d[i] = deaths.get(s, FIT_FROM + i);
                    e[i] = exposure.get(s, FIT_FROM + i);
                }
                fits[s] = fitOrNull(ages, d, e);
            }
            if (fits[s] != null) {
                for (int x = FIT_FROM; x < AGES; x++) {
                    rates.set(s, x, fits[s].hazard(representativeAge(x)));
                }
            } else {
                for (int from = FIT_FROM; from < OPEN_AGE; from += GROUP_WIDTH) {
                    pooled(rates, deaths, exposure, s, from, from + GROUP_WIDTH);
                }
                pooled(rates, deaths, exposure, s, OPEN_AGE, AGES);
            }
        }
        return new CityRates(rates, fits);
    }

    /**
     * The fitted hazard, or null when the optimiser gives up or finds no rising hazard (then five-year groups are
     * used, and the forecast's notes say so).
     */
    private static GompertzMakeham fitOrNull(double[] ages, double[] deaths, double[] exposure) {
        try {
            GompertzMakeham fit = GompertzMakeham.fit(ages, deaths, exposure);
            boolean usable = fit.c() > 0 && Double.isFinite(fit.hazard(OPEN_GROUP_AGE)) && fit.hazard(ages[0]) > 0;
            return usable ? fit : null;
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The city's rates scaled to a district's own deaths, as the class comment says. */
    public static AgeSexTable district(AgeSexTable cityRates, AgeSexTable deaths, AgeSexTable exposure) {
        AgeSexTable rates = new AgeSexTable();
        for (int s = 0; s < 2; s++) {
            for (int[] segment : new int[][] {{0, FIT_FROM - 1}, {FIT_FROM, OPEN_AGE}}) {
                double observed = 0;
                double expected = 0;
                for (int x = segment[0]; x <= segment[1]; x++) {
                    observed += deaths.get(s, x);
                    expected += exposure.get(s, x) * cityRates.get(s, x);
                }
                double ratio = (observed + SHRINK_DEATHS) / (expected + SHRINK_DEATHS);
                for (int x = segment[0]; x <= segment[1]; x++) {
                    rates.set(s, x, cityRates.get(s, x) * ratio);
                }
            }
        }
        return rates;
    }

    /** Rate of ages [from, to) pooled; a group nobody lived in takes the group below's rate. */
    private static void pooled(AgeSexTable rates, AgeSexTable deaths, AgeSexTable exposure, int s, int from, int to) {
        double d = 0;
        double e = 0;
        for (int x = from; x < to; x++) {
            d += deaths.get(s, x);
            e += exposure.get(s, x);
        }
        double rate = e > 0 ? d / e : from > 0 ? rates.get(s, from - 1) : 0;
        for (int x = from; x < to; x++) {
            rates.set(s, x, rate);
        }
    }

    private static int agesWithDeaths(AgeSexTable deaths, int s) {
        int n = 0;
        for (int x = FIT_FROM; x < AGES; x++) {
            if (deaths.get(s, x) > 0) {
                n++;
            }
        }
        return n;
    }
}
