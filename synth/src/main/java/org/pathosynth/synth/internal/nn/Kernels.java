package org.pathosynth.synth.internal.nn;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Matrix products on primitive arrays, split by output rows across a fork-join pool. Every output
 * element is summed by one thread in a fixed order, so results do not depend on the thread count.
 * Inner loops run over contiguous memory so the JIT can vectorise them (no Vector API: it would need
 * an incubator module flag in every user's JVM).
 */
final class Kernels {
    private static final int SHORT_ROW = 64; // output rows shorter than this vectorise poorly
    private static final double GOLDEN_FRACTION = 0.6180339887498949;
    // a product with a single row, or an output narrower than this (a critic's single score), takes a scalar
    // kernel: the vector loops would run for one or a few entries
    private static final int NARROW = 16;
    // share of zero entries in A from which listing the non-zero positions of each pair of rows pays: a pair
    // skips a position only when both rows are zero there (z² of them for zeros at random), and the list costs a
    // pass (measured: deciding on the share of positions where both rows of a pair are zero, from 0.03, 0.1 or
    // 0.2, was no faster)
    private static final double SKIP_ZEROS = 0.25;
    private static final long PARALLEL_WORK = 1 << 16; // multiply-adds below which one thread is faster
    // not the common pool: on a 2-core machine its parallelism is 1 (cores − 1)
    private static final ForkJoinPool SHARED_POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    // the pool of the calling thread: the shared one, unless a test scopes another with onPool
    private static final ThreadLocal<ForkJoinPool> POOL = ThreadLocal.withInitial(() -> SHARED_POOL);

    private static final ThreadLocal<Precision> PRECISION = ThreadLocal.withInitial(() -> Precision.SINGLE);

    private Kernels() {
    }

    /** Runs body with products computed in the given precision on this thread (default: single). */
    public static <T> T inPrecision(Precision precision, Supplier<T> body) {
        Precision before = PRECISION.get();
        PRECISION.set(precision);
        try {
            return body.get();
        } finally {
            PRECISION.set(before);
        }
    }

    /** Sets this thread's product precision (tests that need a whole test method in one precision). */
    static void setThreadPrecision(Precision precision) {
        PRECISION.set(precision);
    }

    public static Precision precision() {
        return PRECISION.get();
    }

    /** Runs body with this thread's products split across {@code p} (tests compare thread counts with it). */
    static <T> T onPool(ForkJoinPool p, Supplier<T> body) {
        ForkJoinPool before = POOL.get();
        POOL.set(p);
        try {
            return body.get();
        } finally {
            POOL.set(before);
        }
    }

    /** C = A · B. */
    public static Matrix mul(Matrix a, Matrix b) {
        check(a.cols == b.rows, a, b, "A·B");
        return product(a, b.data, b.cols, false);
    }

    /** C = A · Bᵀ. */
    public static Matrix mulTransposed(Matrix a, Matrix b) {
        check(a.cols == b.cols, a, b, "A·Bᵀ");
        return product(a, b.data, b.rows, true);
    }

    /** A · B with B given as k×n values, or as its n×k transpose (transposed in the same pass as the float copy). */
    private static Matrix product(Matrix a, double[] b, int n, boolean bGivenTransposed) {
        if (PRECISION.get() == Precision.DOUBLE) {
            int m = a.rows;
            int k = a.cols;
            Matrix c = new Matrix(m, n);
            double[] ad = a.data;
            double[] cd = c.data;
            double[] bd = bGivenTransposed ? transpose(new Matrix(n, k, b)).data : b;
            rows(m, (long) k * n, (from, to) -> rowProducts(ad, bd, cd, k, n, from, to));
            return c;
        }
        return floatProduct(a, floatRows(b, a.cols, n, bGivenTransposed), n);
    }

    /** C = A · W for a layer's weights W (out × in), in this thread's precision. */
    static Matrix mul(Matrix a, WeightRows w) {
        return mul(a, w, w.in);
    }

    /** The first {@code columns} columns of A · W: the same sums as in the whole product, the others not computed. */
    static Matrix mul(Matrix a, WeightRows w, int columns) {
        return mul(a, w, columns, null);
    }

    /** The first columns of A · W, written over {@code into} (every entry) unless it is null or the product is in
     * double precision. */
    static Matrix mul(Matrix a, WeightRows w, int columns, Matrix into) {
        if (columns < 1 || columns > w.in) {
            throw new IllegalArgumentException("columns must be in [1, " + w.in + "], got " + columns);
        }
        if (PRECISION.get() == Precision.DOUBLE) {
            Matrix whole = mul(a, w.matrix());
            return columns == w.in ? whole : whole.columns(0, columns);
        }
        check(a.cols == w.out, a, w.matrix(), "A·W");
        return floatProduct(a, w.rows(), columns, into); // the kernels read the first n entries of each row of W
    }

    /** C = A · Wᵀ for a layer's weights W (out × in), in this thread's precision. */
    static Matrix mulTransposed(Matrix a, WeightRows w) {
        return mulTransposed(a, w, null, null);
    }

    /**
     * C = A · Wᵀ, with the float rows of a narrow product's Aᵀ taken from scratch and C written over {@code into}
     * (a.rows × w.out; every entry is written) unless they are null. A product in double precision or with a
     * narrow W returns a new matrix all the same.
     */
    static Matrix mulTransposed(Matrix a, WeightRows w, Scratch scratch, Matrix into) {
        if (PRECISION.get() == Precision.DOUBLE) {
            return mulTransposed(a, w.matrix());
        }
        check(a.cols == w.in, a, w.matrix(), "A·Wᵀ");
        if (w.out < SHORT_ROW && a.rows >= SHORT_ROW) {
            // a narrow layer (a generator's output): its rows of C would be too short to vectorise well, so
            // compute Cᵀ = W·Aᵀ, whose rows are as long as the batch; same sums in the same order, so the same
            // bits for finite operands (up to the sign of a zero sum)
            float[][] rows = floatRows(a.data, a.cols, a.rows, true, Scratch.rows(scratch, a.cols + 1, a.rows));
            return transpose(floatProduct(w.matrix(), rows, a.rows));
        }
        return floatProduct(a, w.transposedRows(), w.out, into);
    }

    /** C = A · B in float, B given as its rows and a zero row (see {@link #floatRows}). */
    private static Matrix floatProduct(Matrix a, float[][] bf, int n) {
        return floatProduct(a, bf, n, null);
    }

    /** C = A · B in float, written over {@code into} (every entry) unless it is null. */
    private static Matrix floatProduct(Matrix a, float[][] bf, int n, Matrix into) {
        int m = a.rows;
        int k = a.cols;
        Matrix c = into != null ? into : new Matrix(m, n);
        double[] ad = a.data;
        double[] cd = c.data;
        if (n < NARROW || m < 2) {
            rows(m, (long) k * n, (from, to) -> smallProducts(ad, bf, cd, k, n, from, to));
        } else {
            boolean skipZeros = zeroFraction(a) >= SKIP_ZEROS;
            Output out = new Output(cd, n, false);
            rows(m, (long) k * n, (from, to) -> rowPairProducts(ad, k, 1, skipZeros, bf, out, k, n, from, to));
        }
        return c;
    }

    /** C = Aᵀ · B (see {@link #addTransposedMul}). */
    public static Matrix transposedMul(Matrix a, Matrix b) {
        Matrix c = new Matrix(a.cols, b.cols);
        addTransposedMul(c.data, a, b);
        return c;
    }

    /**
     * into += Aᵀ · B, into holding its a.cols × b.cols values row by row: a weight gradient gᵀ·X, added where the
     * gradients accumulate instead of into a matrix of its own (allocating and adding that matrix took 4 % of a
     * CTGAN fit), reading A's columns where they are stored. Computing (Bᵀ·A)ᵀ instead when B is the sparser
     * operand, to skip its zeros, cost more than it saved once layers stopped allocating: a 100-epoch fit's weight
     * gradients took 2.18 s that way on METABRIC and 1.92 s this way (300 epochs on GBSG: 1.38 and 1.21 s; on
     * TCGA-BRCA 1.66 and 1.65 s). In double precision (gradient checks) and for narrow products it computes
     * (Aᵀ)·B plainly.
     */
    public static void addTransposedMul(double[] into, Matrix a, Matrix b) {
        addTransposedMul(into, a, b, null);
    }

    /** into += Aᵀ · B, with the float rows of the right operand taken from scratch unless it is null. */
    static void addTransposedMul(double[] into, Matrix a, Matrix b, Scratch scratch) {
        check(a.rows == b.rows, a, b, "Aᵀ·B");
        if (into.length != a.cols * b.cols) {
            throw new IllegalArgumentException("Aᵀ·B has " + a.cols * b.cols + " values, the destination " + into.length);
        }
        int m = a.cols;
        int k = a.rows;
        int n = b.cols;
        if (PRECISION.get() == Precision.DOUBLE || n < NARROW || m < 2) {
            double[] c = mul(transpose(a), b).data;
            for (int i = 0; i < into.length; i++) {
                into[i] += c[i];
            }
            return;
        }
        float[][] bf = floatRows(b.data, k, n, false, Scratch.rows(scratch, k + 1, n));
        double[] ad = a.data;
        boolean skipZeros = zeroFraction(a) >= SKIP_ZEROS;
        Output out = new Output(into, n, true);
        rows(m, (long) k * n, (from, to) -> rowPairProducts(ad, 1, m, skipZeros, bf, out, k, n, from, to));
    }

    /**
     * B as float rows of length n: its k rows, then a zero row k, which the row-pair kernel reads to pad its lists
     * of positions to a multiple of four instead of running a remainder loop. Separate row arrays matter for speed:
     * HotSpot (17) vectorises
     * {@code sum[j] += x * row[j]} but not {@code sum[j] += x * b[offset + j]} with a loop-invariant offset,
     * which made the flat-array kernel 4 to 8 times slower.
     */
    static float[][] floatRows(double[] b, int k, int n, boolean givenTransposed) {
        return floatRows(b, k, n, givenTransposed, new float[k + 1][n]);
    }

    /**
     * {@link #floatRows(double[], int, int, boolean)} written into rows, k + 1 rows of n. Row k is not written: the
     * caller's rows must hold zeros there already (new arrays, or rows only this method has written).
     */
    static float[][] floatRows(double[] b, int k, int n, boolean givenTransposed, float[][] rows) {
        if (rows.length != k + 1 || rows[k].length != n) {
            throw new IllegalArgumentException("float rows of " + k + " x " + n + " do not fit " + rows.length + " rows");
        }
        if (givenTransposed) {
            // b is n×k: four rows at a time, each read of b taking four neighbouring entries (measured on
            // 256×404 and 500×660 matrices out of cache: 0.38 and 0.82 ns per entry, against 1.0 and 1.6 with
            // 32×32 tiles, which made this conversion 7 % of a CTGAN fit)
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                float[] r0 = rows[p];
                float[] r1 = rows[p + 1];
                float[] r2 = rows[p + 2];
                float[] r3 = rows[p + 3];
                for (int j = 0, bj = p; j < n; j++, bj += k) {
                    r0[j] = (float) b[bj];
                    r1[j] = (float) b[bj + 1];
                    r2[j] = (float) b[bj + 2];
                    r3[j] = (float) b[bj + 3];
                }
            }
            for (; p < k; p++) {
                float[] row = rows[p];
                for (int j = 0, bj = p; j < n; j++, bj += k) {
                    row[j] = (float) b[bj];
                }
            }
        } else {
            for (int p = 0; p < k; p++) {
                float[] row = rows[p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    row[j] = (float) b[bp + j];
                }
            }
        }
        return rows;
    }

    /** Rows [from, to) of C = A · B for a C of one row or a few columns: scalar sums, fused in order of p. */
    private static void smallProducts(double[] a, float[][] b, double[] c, int k, int n, int from, int to) {
        for (int i = from; i < to; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                int p = 0;
                for (; p + 4 <= k; p += 4) {
                    sum = Math.fma((float) a[ai + p + 3], b[p + 3][j], Math.fma((float) a[ai + p + 2], b[p + 2][j],
                            Math.fma((float) a[ai + p + 1], b[p + 1][j], Math.fma((float) a[ai + p], b[p][j], sum))));
                }
                for (; p < k; p++) {
                    sum = Math.fma((float) a[ai + p], b[p][j], sum);
                }
                c[i * n + j] = sum;
            }
        }
    }

    /**
     * Rows [from, to) of C = A · B in float, two rows of C at a time, each load of a row of B shared by both. With
     * skipZeros, each pair first lists the positions p where either row of A is non-zero (ReLU outputs, their
     * gradients and one-hot conditions are largely zero, and a pair of rows of a half-zero layer still skips a
     * quarter), branch-free since the zeros are scattered at random; else every p is taken. A row's sum skips only
     * zero terms, which leave the sum unchanged when B is finite (0·∞ would not); pairs are always rows (2t, 2t + 1)
     * (see {@link #rows}), so even then the result does not depend on the thread count.
     * Entry (i, p) of A is {@code a[i·rowStride + p·columnStride]}: A itself (k, 1) or the transpose of a stored
     * matrix (1, its width).
     */
    private static void rowPairProducts(double[] a, int rowStride, int columnStride, boolean skipZeros, float[][] b,
                                        Output c, int k, int n, int from, int to) {
        float[] x = new float[k + 1]; // entry k stays 0: the positions that pad a list to a multiple of four
        float[] y = new float[k + 1];
        int[] index = new int[k + 3];
        int count = (k + 3) & ~3;
        for (int q = 0; q < count; q++) {
            index[q] = Math.min(q, k);
        }
        float[] s0 = new float[n];
        float[] s1 = new float[n];
        for (int i = from; i < to; i += 2) {
            boolean pair = i + 1 < to;
            int ai = i * rowStride;
            int bi = pair ? ai + rowStride : ai; // a row alone is read as its own partner
            if (columnStride == 1) {
                toFloat(a, ai, x, k);
                toFloat(a, bi, y, k);
            } else {
                for (int p = 0, offset = 0; p < k; p++, offset += columnStride) {
                    x[p] = (float) a[ai + offset];
                    y[p] = (float) a[bi + offset];
                }
            }
            if (skipZeros) {
                count = 0;
                for (int p = 0; p < k; p++) {
                    index[count] = p;
                    count += (x[p] != 0) | (y[p] != 0) ? 1 : 0;
                }
                for (; (count & 3) != 0; count++) {
                    index[count] = k;
                }
            }
            java.util.Arrays.fill(s0, 0f);
            if (pair) {
                java.util.Arrays.fill(s1, 0f);
            }
            addRows(x, pair ? y : null, index, count, b, s0, s1, n);
            if (pair) {
                c.store(s0, s1, i);
            } else {
                c.store(s0, i);
            }
        }
    }

    private static void toFloat(double[] a, int offset, float[] x, int k) {
        for (int p = 0; p < k; p++) {
            x[p] = (float) a[offset + p];
        }
    }

    /**
     * s0 += Σ x[p]·B[p] and, unless y is null, s1 += Σ y[p]·B[p] over the positions p = index[q], q below count
     * (a multiple of four), four rows of B per pass. A row summed alone goes through the same fused operations in
     * the same order.
     *
     * <p>Measured on one AVX-512 core (500×409 by 409×256): HotSpot 17 turns the inner loops into vector FMAs
     * (45 GFLOPS) only when they are chains of {@code Math.fma} (the same sums with {@code *} and {@code +}: 10),
     * in a method of their own, not inlined into the loop over rows (13), and without a loop for a remainder of
     * rows of B after the fours (13): hence the zero rows, and this method's length (over 325 bytes of bytecode,
     * HotSpot's limit for inlining).
     */
    private static void addRows(float[] x, float[] y, int[] index, int count, float[][] b, float[] s0, float[] s1, int n) {
        if (y == null) {
            for (int q = 0; q < count; q += 4) {
                int p0 = index[q];
                int p1 = index[q + 1];
                int p2 = index[q + 2];
                int p3 = index[q + 3];
                float x0 = x[p0];
                float x1 = x[p1];
                float x2 = x[p2];
                float x3 = x[p3];
                float[] r0 = b[p0];
                float[] r1 = b[p1];
                float[] r2 = b[p2];
                float[] r3 = b[p3];
                for (int j = 0; j < n; j++) {
                    s0[j] = Math.fma(x3, r3[j], Math.fma(x2, r2[j], Math.fma(x1, r1[j], Math.fma(x0, r0[j], s0[j]))));
                }
            }
            return;
        }
        for (int q = 0; q < count; q += 4) {
            int p0 = index[q];
            int p1 = index[q + 1];
            int p2 = index[q + 2];
            int p3 = index[q + 3];
            float x0 = x[p0];
            float x1 = x[p1];
            float x2 = x[p2];
            float x3 = x[p3];
            float y0 = y[p0];
            float y1 = y[p1];
            float y2 = y[p2];
            float y3 = y[p3];
            float[] r0 = b[p0];
            float[] r1 = b[p1];
            float[] r2 = b[p2];
            float[] r3 = b[p3];
            for (int j = 0; j < n; j++) {
                float u0 = r0[j];
                float u1 = r1[j];
                float u2 = r2[j];
                float u3 = r3[j];
                s0[j] = Math.fma(x3, u3, Math.fma(x2, u2, Math.fma(x1, u1, Math.fma(x0, u0, s0[j]))));
                s1[j] = Math.fma(y3, u3, Math.fma(y2, u2, Math.fma(y1, u1, Math.fma(y0, u0, s1[j]))));
            }
        }
    }

    /** Where the kernel writes row i of its product: entry j at c[i·rowStride + j], set or added. */
    private record Output(double[] c, int rowStride, boolean add) {
        /** Rows i and i + 1. */
        void store(float[] s0, float[] s1, int i) {
            store(s0, i);
            store(s1, i + 1);
        }

        void store(float[] sum, int i) {
            int offset = i * rowStride;
            if (!add) {
                for (int j = 0; j < sum.length; j++) {
                    c[offset + j] = sum[j];
                }
            } else {
                for (int j = 0; j < sum.length; j++) {
                    c[offset + j] += sum[j];
                }
            }
        }
    }

    /**
     * The share of zeros, counted over at most 1,024 entries: enough to choose a kernel (a standard error under
     * 0.016), where a full count cost as much as a tenth of the products and 4,096 entries 2 % of a CTGAN fit. The
     * sampled positions follow the golden-ratio sequence, which no row or column period can alias. Deterministic,
     * so the choice (and the result) depends on the data only.
     */
    static double zeroFraction(Matrix m) {
        double[] d = m.data;
        int samples = Math.min(d.length, 1024);
        if (samples == 0) {
            return 0;
        }
        int zeros = 0;
        double position = 0;
        for (int t = 0; t < samples; t++) {
            int i = samples == d.length ? t : (int) (position * d.length);
            zeros += d[i] == 0 ? 1 : 0;
            position += GOLDEN_FRACTION;
            position -= position >= 1 ? 1 : 0;
        }
        return (double) zeros / samples;
    }

    /**
     * Rows [from, to) of C = A · B. Each row first gathers the non-zero entries of its row of A (ReLU outputs,
     * their gradients and one-hot conditions are largely zero), then adds four scaled rows of B per pass over
     * the row of C, which quarters the loads and stores of C; the inner loop stays a plain vectorisable loop.
     */
    private static void rowProducts(double[] a, double[] b, double[] c, int k, int n, int from, int to) {
        int[] offsets = new int[k];
        double[] values = new double[k];
        for (int i = from; i < to; i++) {
            int ai = i * k;
            int nonZero = 0;
            for (int p = 0; p < k; p++) {
                // branch-free: ReLU zeros are scattered at random, a branch would mispredict half the time
                double v = a[ai + p];
                offsets[nonZero] = p * n;
                values[nonZero] = v;
                nonZero += v != 0 ? 1 : 0;
            }
            int ci = i * n;
            int q = 0;
            for (; q + 4 <= nonZero; q += 4) {
                double x0 = values[q];
                double x1 = values[q + 1];
                double x2 = values[q + 2];
                double x3 = values[q + 3];
                int b0 = offsets[q];
                int b1 = offsets[q + 1];
                int b2 = offsets[q + 2];
                int b3 = offsets[q + 3];
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
            for (; q < nonZero; q++) {
                double x = values[q];
                int bp = offsets[q];
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x * b[bp + j];
                }
            }
        }
    }

    public static Matrix transpose(Matrix a) {
        Matrix t = new Matrix(a.cols, a.rows);
        double[] ad = a.data;
        double[] td = t.data;
        int m = a.rows;
        int n = a.cols;
        // 32 x 32 tiles keep both the read rows and the written rows in cache
        for (int i0 = 0; i0 < m; i0 += 32) {
            int i1 = Math.min(m, i0 + 32);
            for (int j0 = 0; j0 < n; j0 += 32) {
                int j1 = Math.min(n, j0 + 32);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        td[j * m + i] = ad[i * n + j];
                    }
                }
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

    /**
     * Runs body over [0, count) in chunks shared by the calling thread and up to parallelism − 1 helpers of the
     * pool, each taking the next chunk until none is left. The caller works instead of waiting, and then waits
     * only for chunks a helper has begun, never for a helper that has not started: handing the whole product to
     * the pool cost two thread wake-ups per product, which on the 2-vCPU VM made two threads slower than one (a
     * CTGAN fit 6 % slower). A helper that starts late finds nothing left and returns.
     */
    private static void rows(int count, long workPerRow, RowRange body) {
        ForkJoinPool pool = POOL.get();
        int threads = pool.getParallelism();
        if (count * workPerRow < PARALLEL_WORK || threads < 2 || count < 2) {
            body.run(0, count);
            return;
        }
        int chunks = Math.min(count, threads * 4);
        // even (a multiple of eight): the row-pair kernel then pairs rows (2t, 2t + 1) whatever the thread count
        int grain = ((count + chunks - 1) / chunks + 7) & ~7;
        int chunkCount = (count + grain - 1) / grain;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable share = () -> {
            for (int from = next.getAndAdd(grain); from < count; from = next.getAndAdd(grain)) {
                try {
                    body.run(from, Math.min(count, from + grain));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        };
        for (int h = Math.min(threads, chunkCount) - 1; h > 0; h--) {
            pool.execute(share);
        }
        share.run();
        for (int spins = 0; finished.get() < chunkCount; spins++) {
            if (spins < 1_000) {
                Thread.onSpinWait(); // a chunk lasts microseconds to a millisecond
            } else {
                Thread.yield();
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error r) {
            throw r;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean ok, Matrix a, Matrix b, String op) {
        if (!ok) {
            throw new IllegalArgumentException("shape mismatch for " + op + ": " + a.rows + "x" + a.cols + " and " + b.rows
                    + "x" + b.cols);
        }
    }
}
