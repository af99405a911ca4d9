package org.pathosynth.synth.copula;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The observed distribution of a column: distinct values with their cumulative probabilities.
 * Discrete columns (codes, integers) map back to observed values exactly, which keeps spikes such
 * as "0 nodes affected"; continuous ones interpolate linearly between the mid-probabilities of
 * neighbouring values, so sampled values are new but the shape is kept.
 */
final class EmpiricalMarginal implements Marginal {
    private final double[] values;
    private final double[] cumulative;
    private final boolean interpolate;

    EmpiricalMarginal(double[] values, double[] cumulative, boolean interpolate) {
        this.values = values;
        this.cumulative = cumulative;
        this.interpolate = interpolate;
    }

    /** Fits on observed (non-NaN) values. */
    static EmpiricalMarginal fit(double[] observed, boolean interpolate) {
        double[] sorted = observed.clone();
        Arrays.sort(sorted);
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        double[] cumulative = new double[distinct.length];
        int i = 0;
        for (int k = 0; k < distinct.length; k++) {
            while (i < sorted.length && sorted[i] == distinct[k]) {
                i++;
            }
            cumulative[k] = (double) i / sorted.length;
        }
        cumulative[distinct.length - 1] = 1.0;
        return new EmpiricalMarginal(distinct, cumulative, interpolate && distinct.length > 1);
    }

    /**
     * The middle of the value's probability interval (the normal score of its average rank): tied
     * values share one score, so identical discrete columns correlate exactly 1 rather than being
     * blurred by random jitter.
     */
    @Override
    public double toUniform(double x, RandomGenerator rng) {
        int k = Arrays.binarySearch(values, x);
        if (k < 0) { // not an observed value: use the mass of the next one up
            k = Math.min(-k - 1, values.length - 1);
        }
        return middle(k);
    }

    @Override
    public double fromUniform(double u) {
        int k = firstAtLeast(u);
        if (!interpolate) {
            return values[k];
        }
        double mid = middle(k);
        int other = u < mid ? k - 1 : k + 1;
        if (other < 0 || other >= values.length) {
            return values[k];
        }
        double otherMid = middle(other);
        double t = (u - mid) / (otherMid - mid);
        return values[k] + t * (values[other] - values[k]);
    }

    private double middle(int k) {
        return ((k == 0 ? 0 : cumulative[k - 1]) + cumulative[k]) / 2;
    }

    private int firstAtLeast(double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    double[] values() {
        return values.clone();
    }

    double[] cumulative() {
        return cumulative.clone();
    }

    @Override
    public String family() {
        return interpolate ? "empirical-interpolated" : "empirical";
    }
}
