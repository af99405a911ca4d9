package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The float products: both kernels (dense row pairs, sparse gather), their odd tails, and thread-count independence. */
class KernelsTest {
    // odd row count (a row summed alone) and an inner size that is not a multiple of four (remainder terms)
    private static final int M = 71;
    private static final int K = 45;
    private static final int N = 50;

    @AfterEach
    void restorePrecision() {
        Kernels.setThreadPrecision(Precision.SINGLE);
    }

    @Test
    void denseLeftOperandAgreesWithNaiveProduct() {
        Matrix a = left(0.0, 1);
        assertThat(Kernels.zeroFraction(a)).isLessThan(0.4); // the row-pair kernel
        agreesWithNaive(a, Matrix.gaussian(K, N, new SplittableRandom(2)));
    }

    @Test
    void sparseLeftOperandAgreesWithNaiveProduct() {
        Matrix a = left(0.6, 3);
        assertThat(Kernels.zeroFraction(a)).isGreaterThanOrEqualTo(0.4); // the zero-skipping kernel
        agreesWithNaive(a, Matrix.gaussian(K, N, new SplittableRandom(4)));
    }

    @Test
    void resultsAreBitIdenticalOnOneThreadAndOnSeveral() {
        for (double zeros : new double[] {0.0, 0.6}) {
            Matrix a = left(zeros, 5);
            Matrix b = Matrix.gaussian(K, N, new SplittableRandom(6));
            ForkJoinPool single = new ForkJoinPool(1);
            ForkJoinPool three = new ForkJoinPool(3);
            Matrix one = Kernels.onPool(single, () -> Kernels.mul(a, b));
            Matrix oneT = Kernels.onPool(single, () -> Kernels.mulTransposed(a, Kernels.transpose(b)));
            Matrix several = Kernels.onPool(three, () -> Kernels.mul(a, b));
            Matrix severalT = Kernels.onPool(three, () -> Kernels.mulTransposed(a, Kernels.transpose(b)));
            single.shutdown();
            three.shutdown();
            assertThat(several.data).as("zeros %s", zeros).containsExactly(one.data);
            assertThat(severalT.data).containsExactly(oneT.data);
            assertThat(oneT.data).containsExactly(one.data); // B given transposed goes through the same sums
        }
    }

    @Test
    void zeroFractionSamplesEvenlyAndHandlesEmptyMatrices() {
        Matrix half = new Matrix(200, 100); // 20,000 entries: sampled, and a period of 2 must not alias
        for (int i = 0; i < half.data.length; i += 2) {
            half.data[i] = 1;
        }
        assertThat(Kernels.zeroFraction(half)).isCloseTo(0.5, Offset.offset(0.02));
        assertThat(Kernels.zeroFraction(new Matrix(0, 5))).isZero();
    }

    private static Matrix left(double zeroShare, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix a = Matrix.gaussian(M, K, rng);
        for (int i = 0; i < a.data.length; i++) {
            if (rng.nextDouble() < zeroShare) {
                a.data[i] = 0;
            }
        }
        return a;
    }

    private static void agreesWithNaive(Matrix a, Matrix b) {
        Matrix c = Kernels.mul(a, b);
        Matrix cb = Kernels.mulTransposed(a, Kernels.transpose(b));
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int p = 0; p < K; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                assertThat(c.get(i, j)).as("(%d, %d)", i, j).isCloseTo(s, Offset.offset(1e-4));
                assertThat(cb.get(i, j)).isCloseTo(s, Offset.offset(1e-4));
            }
        }
    }
}
