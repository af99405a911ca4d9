package org.pathosynth.eval.distance;

import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Exact Euclidean distances from every query row to its nearest and second-nearest data rows,
 * without an n×m distance matrix, in parallel over the queries.
 *
 * <p>Two stages keep it fast and exact. Screening works in the data's principal-component basis
 * (a rotation, so distances are unchanged up to rounding): data rows are sorted by their first
 * component and each query scans outward from its own, stopping on a side once that gap alone
 * exceeds the bound, and a candidate is dropped as soon as its partial sum over the high-variance
 * components exceeds it. The bound keeps a margin far above the rotation's rounding, so no true
 * neighbour is ever dropped. Survivors are then measured exactly in the original space, adding
 * squared differences in column order, so the results equal the direct computation bit for bit.
 */
public final class NearestNeighbours {
    /** Relative and absolute margin on squared distances for the screening stage (rounding is ~1e-15). */
    private static final double MARGIN = 1e-9;

    private NearestNeighbours() {
    }

    /** d1 and d2 per query row: {@code [0][i]} nearest, {@code [1][i]} second nearest (duplicates count separately). */
    public static double[][] twoNearest(double[][] queries, double[][] data) {
        return twoNearest(queries, data, done -> { });
    }

    /** As {@link #twoNearest(double[][], double[][])}, telling {@code rowsDone} the query rows done after each chunk (calling thread). */
    public static double[][] twoNearest(double[][] queries, double[][] data, LongConsumer rowsDone) {
        if (data.length < 2) {
            throw new IllegalArgumentException("nearest-neighbour distances need at least 2 data rows, got " + data.length);
        }
        int width = data[0].length;
        double[][] basis = principalBasis(data); // basis[k] = k-th component, by decreasing variance
        double[][] rotatedData = rotate(data, basis);
        Integer[] order = new Integer[data.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rotatedData[a][0], rotatedData[b][0]));
        double[] rotatedFlat = new double[data.length * width];
        double[] exactFlat = new double[data.length * width];
        double[] firstComponent = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(rotatedData[order[i]], 0, rotatedFlat, i * width, width);
            System.arraycopy(data[order[i]], 0, exactFlat, i * width, width);
            firstComponent[i] = rotatedData[order[i]][0];
        }
        double[] d1 = new double[queries.length];
        double[] d2 = new double[queries.length];
        ParallelRows.forEach(queries.length, q -> {
            double[] x = queries[q];
            double[] rx = rotate(x, basis);
            int start = Arrays.binarySearch(firstComponent, rx[0]);
            start = start >= 0 ? start : -start - 1;
            double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}; // exact squared distances
            int lo = start - 1;
            int hi = start;
            boolean loOpen = lo >= 0;
            boolean hiOpen = hi < data.length;
            while (loOpen || hiOpen) {
                double bound = best[1] * (1 + MARGIN) + MARGIN;
                if (hiOpen) {
                    double gap = firstComponent[hi] - rx[0];
                    if (gap * gap > bound) {
                        hiOpen = false;
                    } else {
                        consider(x, rx, rotatedFlat, exactFlat, hi * width, width, best);
                        hiOpen = ++hi < data.length;
                    }
                }
                if (loOpen) {
                    double gap = rx[0] - firstComponent[lo];
                    if (gap * gap > bound) {
                        loOpen = false;
                    } else {
                        consider(x, rx, rotatedFlat, exactFlat, lo * width, width, best);
                        loOpen = --lo >= 0;
                    }
                }
            }
            d1[q] = Math.sqrt(best[0]);
            d2[q] = Math.sqrt(best[1]);
        }, rowsDone);
        return new double[][] {d1, d2};
    }

    /** Screens one data row in the rotated basis, then measures survivors exactly and keeps the two smallest. */
    private static void consider(double[] x, double[] rx, double[] rotated, double[] exact, int base, int width, double[] best) {
        double bound = best[1] * (1 + MARGIN) + MARGIN;
        double partial = 0;
        for (int j = 0; j < width; j++) {
            double d = rx[j] - rotated[base + j];
            partial += d * d;
            if (partial > bound) {
                return;
            }
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double d = x[j] - exact[base + j];
            sum += d * d;
        }
        if (sum < best[0]) {
            best[1] = best[0];
            best[0] = sum;
        } else if (sum < best[1]) {
            best[1] = sum;
        }
    }

    /** Orthonormal principal axes of the rows (eigenvectors of the covariance), by decreasing variance. */
    static double[][] principalBasis(double[][] rows) {
        int width = rows[0].length;
        double[] mean = new double[width];
        for (double[] r : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        double[][] cov = new double[width][width];
        int stride = Math.max(1, rows.length / 20_000); // a sample is plenty to find the axes
        for (int r = 0; r < rows.length; r += stride) {
            for (int a = 0; a < width; a++) {
                double da = rows[r][a] - mean[a];
                for (int b = a; b < width; b++) {
                    cov[a][b] += da * (rows[r][b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(cov, false);
        EigenDecomposition eig = new EigenDecomposition(m);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[width];
        for (int k = 0; k < width; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] basis = new double[width][];
        for (int k = 0; k < width; k++) {
            basis[k] = eig.getEigenvector(order[k]).toArray();
        }
        return basis;
    }

    private static double[][] rotate(double[][] rows, double[][] basis) {
        double[][] out = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> out[r] = rotate(rows[r], basis));
        return out;
    }

    private static double[] rotate(double[] x, double[][] basis) {
        double[] out = new double[basis.length];
        for (int k = 0; k < basis.length; k++) {
            double s = 0;
            double[] axis = basis[k];
            for (int j = 0; j < x.length; j++) {
                s += x[j] * axis[j];
            }
            out[k] = s;
        }
        return out;
    }
}
