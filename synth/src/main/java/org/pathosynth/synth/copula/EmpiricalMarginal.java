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
    /** How many values it was fitted on; 0 when not known (a model saved before it was recorded). */
    private final long observations;

    EmpiricalMarginal(double[] values, double[] cumulative, boolean interpolate) {
        this(values, cumulative, interpolate, 0);
    }

    EmpiricalMarginal(double[] values, double[] cumulative, boolean interpolate, long observations) {
        this.values = values;
        this.cumulative = cumulative;
        this.interpolate = interpolate;
        this.observations = observations;
    }

    long observations() {
        return observations;
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
        return new EmpiricalMarginal(distinct, cumulative, interpolate && distinct.length > 1, sorted.length);
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

    /**
     * A form that holds no value fewer than {@code k} observations share. Counts are the cumulative probabilities times
     * the observations; for a model saved before they were recorded, the smallest step is taken as one observation,
     * which can only undercount, so that errs towards merging. Numbers: neighbouring values are merged in order until each group holds at least {@code k}
     * observations, and a group is stated by its mean (then rounded by the caller), so an extreme single patient's value
     * does not appear. Codes: a code fewer than {@code k} observations share is dropped and the others renormalised.
     * Null when nothing at all would be left.
     */
    EmpiricalMarginal coarsened(int k, boolean codes) {
        int n = values.length;
        double[] mass = new double[n];
        double step = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            mass[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            if (mass[i] > 1e-12) {
                step = Math.min(step, mass[i]);
            }
        }
        long[] count = new long[n];
        for (int i = 0; i < n; i++) {
            count[i] = observations > 0 ? Math.round(mass[i] * observations) : Math.round(mass[i] / step);
        }
        java.util.List<double[]> groups = new java.util.ArrayList<>(); // {value, mass}
        if (codes) {
            for (int i = 0; i < n; i++) {
                if (count[i] >= k) {
                    groups.add(new double[] {values[i], mass[i]});
                }
            }
        } else {
            double sum = 0;
            double weighted = 0;
            long seen = 0;
            for (int i = 0; i < n; i++) {
                sum += mass[i];
                weighted += mass[i] * values[i];
                seen += count[i];
                if (seen >= k) {
                    groups.add(new double[] {weighted / sum, sum});
                    sum = 0;
                    weighted = 0;
                    seen = 0;
                }
            }
            if (seen > 0 && !groups.isEmpty()) { // the last few join the group before them
                double[] last = groups.get(groups.size() - 1);
                double total = last[1] + sum;
                last[0] = (last[0] * last[1] + weighted) / total;
                last[1] = total;
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        double total = groups.stream().mapToDouble(g -> g[1]).sum();
        double[] v = new double[groups.size()];
        double[] c = new double[groups.size()];
        double run = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = groups.get(i)[0];
            run += groups.get(i)[1] / total;
            c[i] = run;
        }
        c[v.length - 1] = 1.0;
        long kept = 0;
        for (int i = 0; i < n; i++) {
            kept += codes && count[i] < k ? 0 : count[i];
        }
        return new EmpiricalMarginal(v, c, interpolate && v.length > 1, observations > 0 ? kept : 0);
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
