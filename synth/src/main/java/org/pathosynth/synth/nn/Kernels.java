package org.pathosynth.synth.nn;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Matrix products on primitive arrays, split by output rows across a fork-join pool. Every output
 * element is summed by one thread in a fixed order, so results do not depend on the thread count.
 * Inner loops run over contiguous memory so the JIT can vectorise them.
 */
public final class Kernels {
    private static final long PARALLEL_WORK = 1 << 16; // multiply-adds below which one thread is faster
    // not the common pool: on a 2-core machine its parallelism is 1 (cores − 1)
    private static volatile ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Kernels() {
    }

    /** Runs kernels on this pool (for example one with a fixed parallelism). */
    public static void usePool(ForkJoinPool p) {
        pool = p;
    }

    /** C = A · B. */
    public static Matrix mul(Matrix a, Matrix b) {
        check(a.cols == b.rows, a, b, "A·B");
        Matrix c = new Matrix(a.rows, b.cols);
        rows(a.rows, (long) a.cols * b.cols, (from, to) -> {
            int n = b.cols;
            for (int i = from; i < to; i++) {
                int ci = i * n;
                for (int p = 0; p < a.cols; p++) {
                    double x = a.data[i * a.cols + p];
                    if (x == 0) {
                        continue;
                    }
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c.data[ci + j] += x * b.data[bp + j];
                    }
                }
            }
        });
        return c;
    }

    /** C = A · Bᵀ. */
    public static Matrix mulTransposed(Matrix a, Matrix b) {
        check(a.cols == b.cols, a, b, "A·Bᵀ");
        return mul(a, transpose(b));
    }

    /** C = Aᵀ · B (split by rows of C, i.e. columns of A). */
    public static Matrix transposedMul(Matrix a, Matrix b) {
        check(a.rows == b.rows, a, b, "Aᵀ·B");
        Matrix c = new Matrix(a.cols, b.cols);
        rows(a.cols, (long) a.rows * b.cols, (from, to) -> {
            int n = b.cols;
            for (int i = 0; i < a.rows; i++) {
                int ai = i * a.cols;
                int bi = i * n;
                for (int p = from; p < to; p++) {
                    double x = a.data[ai + p];
                    if (x == 0) {
                        continue;
                    }
                    int cp = p * n;
                    for (int j = 0; j < n; j++) {
                        c.data[cp + j] += x * b.data[bi + j];
                    }
                }
            }
        });
        return c;
    }

    public static Matrix transpose(Matrix a) {
        Matrix t = new Matrix(a.cols, a.rows);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                t.data[j * a.rows + i] = a.data[i * a.cols + j];
            }
        }
        return t;
    }

    /** Column sums (the gradient of a bias broadcast over rows). */
    public static double[] columnSums(Matrix a) {
        double[] s = new double[a.cols];
        for (int i = 0; i < a.rows; i++) {
            int ai = i * a.cols;
            for (int j = 0; j < a.cols; j++) {
                s[j] += a.data[ai + j];
            }
        }
        return s;
    }

    interface RowRange {
        void run(int from, int to);
    }

    private static void rows(int count, long workPerRow, RowRange body) {
        if (count * workPerRow < PARALLEL_WORK || pool.getParallelism() < 2 || count < 2) {
            body.run(0, count);
            return;
        }
        int chunks = Math.min(count, pool.getParallelism() * 4);
        pool.invoke(new Split(body, 0, count, Math.max(1, count / chunks)));
    }

    private static final class Split extends RecursiveAction {
        private final RowRange body;
        private final int from;
        private final int to;
        private final int grain;

        Split(RowRange body, int from, int to, int grain) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Split(body, from, mid, grain), new Split(body, mid, to, grain));
        }
    }

    private static void check(boolean ok, Matrix a, Matrix b, String op) {
        if (!ok) {
            throw new IllegalArgumentException("shape mismatch for " + op + ": " + a.rows + "x" + a.cols + " and " + b.rows + "x" + b.cols);
        }
    }
}
