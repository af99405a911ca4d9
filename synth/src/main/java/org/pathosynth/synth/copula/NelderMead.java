package org.pathosynth.synth.copula;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** Nelder–Mead simplex minimisation with scipy's defaults (5 % initial steps, 0.00025 for zeros). */
final class NelderMead {
    private NelderMead() {
    }

    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, int maxIterations, double tolerance) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            double[] p = start.clone();
            p[i] = p[i] != 0 ? p[i] * 1.05 : 0.00025;
            simplex[i + 1] = p;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        Integer[] order = new Integer[n + 1];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] s = new double[n + 1][];
            double[] sv = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                s[i] = simplex[order[i]];
                sv[i] = values[order[i]];
            }
            simplex = s;
            values = sv;
            double spread = 0;
            for (int i = 1; i <= n; i++) {
                for (int j = 0; j < n; j++) {
                    spread = Math.max(spread, Math.abs(simplex[i][j] - simplex[0][j]));
                }
            }
            if (spread <= tolerance && Math.abs(values[n] - values[0]) <= tolerance) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = combine(centroid, simplex[n], 1);
            double fr = f.applyAsDouble(reflected);
            if (fr < values[0]) {
                double[] expanded = combine(centroid, simplex[n], 2);
                double fe = f.applyAsDouble(expanded);
                replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[n - 1]) {
                replaceWorst(simplex, values, reflected, fr);
            } else {
                double[] contracted = fr < values[n] ? combine(centroid, simplex[n], 0.5) : combine(centroid, simplex[n], -0.5);
                double fc = f.applyAsDouble(contracted);
                if (fc < Math.min(fr, values[n])) {
                    replaceWorst(simplex, values, contracted, fc);
                } else {
                    for (int i = 1; i <= n; i++) { // shrink towards the best point
                        for (int j = 0; j < n; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** centroid + t·(centroid − worst): t = 1 reflects, 2 expands, 0.5 contracts outside, −0.5 inside. */
    private static double[] combine(double[] centroid, double[] worst, double t) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + t * (centroid[j] - worst[j]);
        }
        return out;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }
}
