package org.pathosynth.eval.distance;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distances from every query row to its nearest and second-nearest data rows,
 * without an n×m distance matrix: rows are scanned in parallel over the queries, and a candidate
 * is abandoned as soon as its partial sum of squares exceeds the current second-best. Completed
 * sums add the squared differences in column order, so results equal the direct computation
 * (and scikit-learn's to about 1e-15).
 */
public final class NearestNeighbours {
    private NearestNeighbours() {
    }

    /** d1 and d2 per query row: {@code [0][i]} nearest, {@code [1][i]} second nearest (duplicates count separately). */
    public static double[][] twoNearest(double[][] queries, double[][] data) {
        if (data.length < 2) {
            throw new IllegalArgumentException("nearest-neighbour distances need at least 2 data rows, got " + data.length);
        }
        int width = data[0].length;
        double[] flat = new double[data.length * width];
        for (int r = 0; r < data.length; r++) {
            System.arraycopy(data[r], 0, flat, r * width, width);
        }
        double[] d1 = new double[queries.length];
        double[] d2 = new double[queries.length];
        IntStream.range(0, queries.length).parallel().forEach(q -> {
            double[] x = queries[q];
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int r = 0, base = 0; r < data.length; r++, base += width) {
                double sum = 0;
                int j = 0;
                for (; j < width; j++) {
                    double d = x[j] - flat[base + j];
                    sum += d * d;
                    if (sum > second) {
                        break;
                    }
                }
                if (j < width) {
                    continue;
                }
                if (sum < best) {
                    second = best;
                    best = sum;
                } else if (sum < second) {
                    second = sum;
                }
            }
            d1[q] = Math.sqrt(best);
            d2[q] = Math.sqrt(second);
        });
        return new double[][] {d1, d2};
    }
}
