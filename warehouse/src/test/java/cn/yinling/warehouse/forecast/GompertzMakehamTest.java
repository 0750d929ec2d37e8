package cn.yinling.warehouse.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Poisson maximum-likelihood fit recovers the parameters that made exact (noise-free) deaths. */
class GompertzMakehamTest {

    @Test
    void recoversKnownParametersFromExactRatesAtAges30To100() {
        GompertzMakeham truth = new GompertzMakeham(0.0005, 3.0e-5, 0.1);
        GompertzMakeham fitted = fitExact(truth, 30, 100, 10_000);
        assertEquals(truth.a(), fitted.a(), truth.a() * 1e-3, "a");
        assertEquals(truth.b(), fitted.b(), truth.b() * 1e-3, "b");
        assertEquals(truth.c(), fitted.c(), truth.c() * 1e-4, "c");
    }

    @Test
    void recoversTheGeneratorsHazardAtTheOldAgesTheForecastFits() {
        // the synthetic city's women: μ(x) = 0.8 · (0.0003 + 2.75e-5 · e^{0.095 x}), fitted at 60–100 as the forecast does
        GompertzMakeham truth = new GompertzMakeham(0.8 * 0.0003, 0.8 * 2.75e-5, 0.095);
        GompertzMakeham fitted = fitExact(truth, 60, 100, 5_000);
        assertEquals(truth.b(), fitted.b(), truth.b() * 1e-2, "b");
        assertEquals(truth.c(), fitted.c(), truth.c() * 1e-3, "c");
        // the Makeham term is a few per cent of the hazard at 60: looser, but still recovered
        assertEquals(truth.a(), fitted.a(), truth.a() * 0.1, "a");
        for (int x = 60; x <= 100; x += 10) {
            assertEquals(truth.hazard(x + 0.5), fitted.hazard(x + 0.5), truth.hazard(x + 0.5) * 1e-3, "μ(" + x + ")");
        }
    }

    private static GompertzMakeham fitExact(GompertzMakeham truth, int from, int to, double exposurePerAge) {
        int n = to - from + 1;
        double[] ages = new double[n];
        double[] deaths = new double[n];
        double[] exposure = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = from + i + 0.5;
            exposure[i] = exposurePerAge;
            deaths[i] = exposurePerAge * truth.hazard(ages[i]);
        }
        return GompertzMakeham.fit(ages, deaths, exposure);
    }
}
