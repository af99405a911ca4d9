package org.pathosynth.synth.internal.dp;

import java.util.Arrays;

/** Noisy counts made into a distribution: post-processing, so it costs no privacy budget. */
public final class Simplex {
    private Simplex() {
    }

    /**
     * The Euclidean projection of x onto {v ≥ 0, Σv = total}: every value shifted down by one amount, then clipped at 0.
     * Unlike clipping alone, which keeps the positive noise of every empty cell, the shift takes back as much as the
     * clipping adds, so a sparse noisy histogram does not gain mass in its empty cells.
     */
    public static double[] project(double[] x, double total) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double cumulative = 0;
        double shift = 0;
        for (int i = sorted.length - 1, k = 1; i >= 0; i--, k++) {
            cumulative += sorted[i];
            double candidate = (cumulative - total) / k;
            if (i == 0 || sorted[i - 1] <= candidate) {
                shift = candidate;
                break;
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(0, x[i] - shift);
        }
        return out;
    }
}
