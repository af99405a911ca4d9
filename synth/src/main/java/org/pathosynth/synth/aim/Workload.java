package org.pathosynth.synth.aim;

import java.util.ArrayList;
import java.util.List;

/**
 * AIM's workload and its candidates: the workload is every marginal of {@code degree} attributes; the candidates are
 * every attribute set of at most that size (the workload's downward closure), or of at most a smaller measured size,
 * each weighted by how much it overlaps the workload, Σ_w |candidate ∩ w|, as the reference compiles it. Public: it
 * depends on the attribute count only.
 */
final class Workload {
    private final List<int[]> candidates;
    private final double[] weights;

    private Workload(List<int[]> candidates, double[] weights) {
        this.candidates = candidates;
        this.weights = weights;
    }

    static Workload allMarginals(int attributes, int degree) {
        return allMarginals(attributes, degree, degree);
    }

    /** The workload of every {@code degree}-way marginal, with candidates of at most {@code measured} attributes. */
    static Workload allMarginals(int attributes, int degree, int measured) {
        List<int[]> workload = subsets(attributes, degree, degree);
        List<int[]> candidates = subsets(attributes, 1, Math.min(degree, measured));
        double[] weights = new double[candidates.size()];
        for (int k = 0; k < weights.length; k++) {
            for (int[] w : workload) {
                weights[k] += overlap(candidates.get(k), w);
            }
        }
        return new Workload(candidates, weights);
    }

    int size() {
        return candidates.size();
    }

    int[] candidate(int k) {
        return candidates.get(k);
    }

    double weight(int k) {
        return weights[k];
    }

    private static int overlap(int[] a, int[] b) {
        int n = 0;
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every sorted subset of {0..attributes−1} with between {@code min} and {@code max} elements. */
    static List<int[]> subsets(int attributes, int min, int max) {
        List<int[]> out = new ArrayList<>();
        for (int size = min; size <= max; size++) {
            add(out, new int[size], 0, 0, attributes);
        }
        return out;
    }

    private static void add(List<int[]> out, int[] current, int position, int from, int attributes) {
        if (position == current.length) {
            out.add(current.clone());
            return;
        }
        for (int a = from; a < attributes; a++) {
            current[position] = a;
            add(out, current, position + 1, a + 1, attributes);
        }
    }
}
