package cn.yinling.warehouse.forecast;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The Gompertz–Makeham hazard μ(x) = a + b·e^{c·x}, fitted to deaths and person-years by Poisson maximum likelihood:
 * deaths D(x) ~ Poisson(E(x)·μ(x)), so the fit minimises Σ E(x)·μ(x) − D(x)·ln μ(x). The optimiser (commons-math3's
 * Nelder–Mead simplex) works on (ln a, ln b, c), which keeps a and b positive; it starts from a Gompertz line through
 * the log rates and restarts from its own best point until the likelihood stops improving.
 */
public record GompertzMakeham(double a, double b, double c) {

    public double hazard(double age) {
        return a + b * Math.exp(c * age);
    }

    /**
     * Fits the hazard at the ages {@code ages} (exact ages, e.g. x + 0.5 for completed age x) to {@code deaths} and
     * {@code exposure} (person-years). Needs some deaths at two ages or more.
     */
    public static GompertzMakeham fit(double[] ages, double[] deaths, double[] exposure) {
        if (ages.length != deaths.length || ages.length != exposure.length) {
            throw new IllegalArgumentException("ages, deaths and exposure differ in length");
        }
        double[] start = gompertzStart(ages, deaths, exposure);
        ObjectiveFunction objective = new ObjectiveFunction(theta -> {
            double a = Math.exp(theta[0]);
            double b = Math.exp(theta[1]);
            double c = theta[2];
            double sum = 0;
            for (int i = 0; i < ages.length; i++) {
                if (exposure[i] <= 0) {
                    continue;
                }
                double mu = a + b * Math.exp(c * ages[i]);
                if (!(mu > 0) || Double.isInfinite(mu)) {
                    return Double.MAX_VALUE;
                }
                sum += exposure[i] * mu - deaths[i] * Math.log(mu);
            }
            return sum;
        });
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-15);
        PointValuePair best = null;
        double[] guess = start;
        for (int round = 0; round < 8; round++) {
            PointValuePair found = optimizer.optimize(new MaxEval(40_000), objective, GoalType.MINIMIZE,
                    new InitialGuess(guess), new NelderMeadSimplex(new double[] {1.0, 0.5, 0.02}));
            boolean improved = best == null || found.getValue() < best.getValue() - 1e-12 * Math.abs(best.getValue());
            if (best == null || found.getValue() < best.getValue()) {
                best = found;
            }
            if (!improved) {
                break;
            }
            guess = best.getPoint();
        }
        double[] theta = best.getPoint();
        return new GompertzMakeham(Math.exp(theta[0]), Math.exp(theta[1]), theta[2]);
    }

    /** (ln a, ln b, c) of a Gompertz line fitted to ln(D/E) weighted by D, with a a tenth of the lowest rate. */
    private static double[] gompertzStart(double[] ages, double[] deaths, double[] exposure) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double lowest = Double.MAX_VALUE;
        int points = 0;
        for (int i = 0; i < ages.length; i++) {
            if (deaths[i] <= 0 || exposure[i] <= 0) {
                continue;
            }
            double w = deaths[i];
            double y = Math.log(deaths[i] / exposure[i]);
            sw += w;
            sx += w * ages[i];
            sy += w * y;
            sxx += w * ages[i] * ages[i];
            sxy += w * ages[i] * y;
            lowest = Math.min(lowest, deaths[i] / exposure[i]);
            points++;
        }
        if (points < 2) {
            throw new IllegalArgumentException("a Gompertz–Makeham fit needs deaths at two ages or more");
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double intercept = (sy - slope * sx) / sw;
        if (!Double.isFinite(slope) || slope <= 0) {
            slope = 0.09;
            intercept = Math.log(sy == 0 ? 1e-3 : Math.exp(sy / sw)) - slope * sx / sw;
        }
        return new double[] {Math.log(lowest / 10), intercept, slope};
    }
}
