package org.pathosynth.synth.gan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional variational Bayesian Gaussian mixture with a truncated Dirichlet-process
 * weight prior (scikit-learn's BayesianGaussianMixture as CTGAN configures it: concentration
 * 0.001, mean prior = column mean with precision 1, one degree of freedom, covariance prior = the
 * column's sample variance, k-means initialisation, variational EM). It gives "mode-specific
 * normalisation": a value is described by the component it falls in and its position there.
 *
 * @param weights mixture weights (sum 1)
 * @param means component means m_k
 * @param stds component standard deviations √C_k
 */
record BayesianGaussianMixture(double[] weights, double[] means, double[] stds, double[] logWeightExpectation,
                                      double[] meanPrecision, double[] dof) {
    private static final double CONCENTRATION = 1e-3;
    private static final double REG = 1e-6;
    private static final double TOL = 1e-3;
    private static final int MAX_ITER = 100;

    public static BayesianGaussianMixture fit(double[] x, int maxComponents, SplittableRandom rng) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a mixture to no values");
        }
        int k = Math.min(maxComponents, n);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var = n > 1 ? var / (n - 1) : 0;
        double priorVar = Math.max(var, REG); // a constant column still needs a proper prior
        double[][] r = kMeansResponsibilities(x, k, rng);
        Params p = mStep(x, r, mean, priorVar);
        double previous = Double.NEGATIVE_INFINITY;
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double bound = eStep(x, p, r);
            p = mStep(x, r, mean, priorVar);
            if (Math.abs(bound - previous) < TOL) {
                break;
            }
            previous = bound;
        }
        eStep(x, p, r);
        double[] w = new double[k];
        double rest = 1;
        double s = 0;
        for (int j = 0; j < k; j++) {
            w[j] = p.a[j] / (p.a[j] + p.b[j]) * rest;
            rest *= p.b[j] / (p.a[j] + p.b[j]);
            s += w[j];
        }
        for (int j = 0; j < k; j++) {
            w[j] /= s;
        }
        double[] stds = new double[k];
        for (int j = 0; j < k; j++) {
            stds[j] = Math.sqrt(p.c[j]);
        }
        return new BayesianGaussianMixture(w, p.m, stds, p.logPi(), p.beta, p.nu);
    }

    /** Posterior component probabilities of a value (over all components). */
    public double[] responsibilities(double v) {
        int k = means.length;
        double[] log = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double c = stds[j] * stds[j];
            log[j] = logWeightExpectation[j] + logGaussianExpectation(v, means[j], c, meanPrecision[j], dof[j]);
            max = Math.max(max, log[j]);
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            log[j] = Math.exp(log[j] - max);
            s += log[j];
        }
        for (int j = 0; j < k; j++) {
            log[j] /= s;
        }
        return log;
    }

    private record Params(double[] a, double[] b, double[] beta, double[] m, double[] nu, double[] c) {
        double[] logPi() {
            int k = a.length;
            double[] out = new double[k];
            double cumulative = 0;
            for (int j = 0; j < k; j++) {
                double digammaSum = digamma(a[j] + b[j]);
                out[j] = digamma(a[j]) - digammaSum + cumulative;
                cumulative += digamma(b[j]) - digammaSum;
            }
            return out;
        }
    }

    private static Params mStep(double[] x, double[][] r, double priorMean, double priorVar) {
        int k = r[0].length;
        double[] nk = new double[k];
        double[] xbar = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < k; j++) {
                nk[j] += r[i][j];
                xbar[j] += r[i][j] * x[i];
            }
        }
        for (int j = 0; j < k; j++) {
            nk[j] += 10 * Math.ulp(1.0);
            xbar[j] /= nk[j];
        }
        double[] sk = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < k; j++) {
                double d = x[i] - xbar[j];
                sk[j] += r[i][j] * d * d;
            }
        }
        double[] a = new double[k];
        double[] b = new double[k];
        double[] beta = new double[k];
        double[] m = new double[k];
        double[] nu = new double[k];
        double[] c = new double[k];
        double tail = 0;
        for (int j = k - 1; j >= 0; j--) {
            a[j] = 1 + nk[j];
            b[j] = CONCENTRATION + tail;
            tail += nk[j];
        }
        for (int j = 0; j < k; j++) {
            sk[j] = sk[j] / nk[j] + REG;
            beta[j] = 1 + nk[j];
            m[j] = (priorMean + nk[j] * xbar[j]) / beta[j];
            nu[j] = 1 + nk[j];
            double d = xbar[j] - priorMean;
            c[j] = (priorVar + nk[j] * sk[j] + nk[j] / beta[j] * d * d) / nu[j];
        }
        return new Params(a, b, beta, m, nu, c);
    }

    /**
     * Fills responsibilities; returns the summed log normaliser. Convergence is judged on this total
     * (like scikit-learn's lower bound, which is not per row), so fits usually run all 100 iterations,
     * which is what lets the process prior empty the superfluous components.
     */
    private static double eStep(double[] x, Params p, double[][] r) {
        int k = p.a.length;
        double[] logPi = p.logPi();
        double total = 0;
        double[] log = new double[k];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                log[j] = logPi[j] + logGaussianExpectation(x[i], p.m[j], p.c[j], p.beta[j], p.nu[j]);
                max = Math.max(max, log[j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                r[i][j] = Math.exp(log[j] - max);
                s += r[i][j];
            }
            for (int j = 0; j < k; j++) {
                r[i][j] /= s;
            }
            total += max + Math.log(s);
        }
        return total;
    }

    private static double logGaussianExpectation(double v, double m, double c, double beta, double nu) {
        double d = v - m;
        return -0.5 * Math.log(2 * Math.PI) - 0.5 * Math.log(c) - 0.5 * d * d / c - 0.5 * Math.log(nu)
                + 0.5 * (Math.log(2) + digamma(nu / 2)) - 1 / (2 * beta);
    }

    /** k-means++ seeding and Lloyd iterations (max 300, tol 1e-4), as one-hot responsibilities. */
    private static double[][] kMeansResponsibilities(double[] x, int k, SplittableRandom rng) {
        int n = x.length;
        double[] centres = new double[k];
        centres[0] = x[rng.nextInt(n)];
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < c; j++) {
                    best = Math.min(best, (x[i] - centres[j]) * (x[i] - centres[j]));
                }
                d2[i] = best;
                s += best;
            }
            if (s == 0) {
                centres[c] = x[rng.nextInt(n)];
                continue;
            }
            double u = rng.nextDouble() * s;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            centres[c] = x[pick];
        }
        int[] label = new int[n];
        for (int iter = 0; iter < 300; iter++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (Math.abs(x[i] - centres[j]) < Math.abs(x[i] - centres[best])) {
                        best = j;
                    }
                }
                label[i] = best;
            }
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                sum[label[i]] += x[i];
                count[label[i]]++;
            }
            double shift = 0;
            for (int j = 0; j < k; j++) {
                double next = count[j] > 0 ? sum[j] / count[j] : centres[j];
                shift += (next - centres[j]) * (next - centres[j]);
                centres[j] = next;
            }
            if (shift < 1e-4) {
                break;
            }
        }
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            r[i][label[i]] = 1;
        }
        return r;
    }

    /** ψ(x) by recurrence up to x ≥ 10 and the asymptotic series. */
    static double digamma(double x) {
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }
}
