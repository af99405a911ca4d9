package org.pathosynth.eval.distance;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Distances of one query set to one data set: per-row DCR (nearest distance) and NNDR
 * ((d1 + 1e-8) / (d2 + 1e-8)), with the summary statistics of metrics.md 1.7.
 */
public record DistancePass(double[] dcr, double[] nndr) {
    static final double IDENTICAL = 1e-6;
    static final double NNDR_EPSILON = 1e-8;
    static final int NNDR_RANK = 10;

    public static DistancePass between(double[][] queries, double[][] data) {
        return between(queries, data, done -> { });
    }

    /** As {@link #between(double[][], double[][])}, telling {@code rowsDone} the query rows done so far. */
    public static DistancePass between(double[][] queries, double[][] data, LongConsumer rowsDone) {
        double[][] d = NearestNeighbours.twoNearest(queries, data, rowsDone);
        double[] nndr = new double[queries.length];
        for (int i = 0; i < nndr.length; i++) {
            nndr[i] = (d[0][i] + NNDR_EPSILON) / (d[1][i] + NNDR_EPSILON);
        }
        return new DistancePass(d[0], nndr);
    }

    /** Share of query rows with a data row within 1e-6 (identical in the encoded space). */
    public double identicalMatchShare() {
        return Arrays.stream(dcr).filter(v -> v <= IDENTICAL).count() / (double) dcr.length;
    }

    public double meanDcr() {
        return Arrays.stream(dcr).sum() / dcr.length;
    }

    /** The 10th smallest NNDR (a lower-tail statistic: near 0 means near-copies); NaN with fewer than 10 rows. */
    public double nndrTenthSmallest() {
        if (nndr.length < NNDR_RANK) {
            return Double.NaN;
        }
        double[] sorted = nndr.clone();
        Arrays.sort(sorted);
        return sorted[NNDR_RANK - 1];
    }
}
