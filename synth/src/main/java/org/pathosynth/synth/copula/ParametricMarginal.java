package org.pathosynth.synth.copula;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * A beta (four parameters: a, b, loc, scale) or normal marginal. The beta is fitted by maximum
 * likelihood with Nelder–Mead from moment-matched starting shapes, as SDV/Copulas do; when the fit
 * fails or is degenerate it falls back to a normal by mean and population standard deviation, and
 * {@link #family()} reports the fallback honestly.
 */
final class ParametricMarginal implements Marginal {
    private final String family;
    private final double[] parameters; // beta: a, b, loc, scale; normal: mean, sd

    ParametricMarginal(String family, double[] parameters) {
        this.family = family;
        this.parameters = parameters.clone();
    }

    static ParametricMarginal normal(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, x.length);
        return new ParametricMarginal("normal", new double[] {mean, Math.max(Math.sqrt(var), 1e-9)});
    }

    static ParametricMarginal beta(double[] x) {
        double min = Arrays.stream(x).min().orElse(0);
        double max = Arrays.stream(x).max().orElse(0);
        if (x.length < 3 || max == min) {
            return normal(x);
        }
        double[] start = {2, 2, min, max - min};
        double[] best = NelderMead.minimize(p -> negativeLogLikelihood(p, x), start, 200 * 4, 1e-4);
        double loc = best[2];
        double scale = best[3];
        boolean degenerate = !(best[0] > 0 && best[1] > 0 && scale > 1.2e-7) || loc > max || loc + scale < min
                || !Double.isFinite(negativeLogLikelihood(best, x));
        return degenerate ? normal(x) : new ParametricMarginal("beta", best);
    }

    private static double negativeLogLikelihood(double[] p, double[] x) {
        double a = p[0];
        double b = p[1];
        double loc = p[2];
        double scale = p[3];
        if (!(a > 0 && b > 0 && scale > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double logB = Beta.logBeta(a, b);
        double sum = 0;
        for (double v : x) {
            double t = (v - loc) / scale;
            if (t <= 0 || t >= 1) {
                sum += 100 * Math.log(Double.MAX_VALUE); // the reference's penalty for points outside the support
                continue;
            }
            sum -= (a - 1) * Math.log(t) + (b - 1) * Math.log1p(-t) - logB - Math.log(scale);
        }
        return sum;
    }

    @Override
    public double toUniform(double x, RandomGenerator rng) {
        if (family.equals("beta")) {
            double t = (x - parameters[2]) / parameters[3];
            return t <= 0 ? 0 : t >= 1 ? 1 : new BetaDistribution(null, parameters[0], parameters[1]).cumulativeProbability(t);
        }
        return new NormalDistribution(null, parameters[0], parameters[1]).cumulativeProbability(x);
    }

    @Override
    public double fromUniform(double u) {
        if (family.equals("beta")) {
            return parameters[2] + parameters[3] * new BetaDistribution(null, parameters[0], parameters[1]).inverseCumulativeProbability(u);
        }
        return new NormalDistribution(null, parameters[0], parameters[1]).inverseCumulativeProbability(u);
    }

    double[] parameters() {
        return parameters.clone();
    }

    @Override
    public String family() {
        return family;
    }
}
