package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The float products: the kernels (row pairs over every position or over the non-zero ones, single rows and narrow
 * outputs), their odd tails, thread-count independence, and the layers' cached float weights.
 */
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
        assertThat(Kernels.zeroFraction(a)).isLessThan(0.25); // row pairs over every position
        agreesWithNaive(a, Matrix.gaussian(K, N, new SplittableRandom(2)));
    }

    @Test
    void sparseLeftOperandAgreesWithNaiveProduct() {
        Matrix a = left(0.6, 3);
        assertThat(Kernels.zeroFraction(a)).isGreaterThanOrEqualTo(0.25); // row pairs over their non-zero positions
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
    void everyKernelSumsInTheSameOrder() {
        // a row alone and a narrow product take the small kernel; the rest row pairs, over every position or not:
        // all fuse the terms in order of p, so each row comes out the same bits whichever kernel computed it
        for (double zeros : new double[] {0.0, 0.6}) {
            Matrix a = left(zeros, 7);
            Matrix b = Matrix.gaussian(K, N, new SplittableRandom(8));
            Matrix whole = Kernels.mul(a, b);
            Matrix narrow = Kernels.mul(a, b.columns(0, 5));
            for (int i = 0; i < M; i += 7) {
                Matrix row = new Matrix(1, K, java.util.Arrays.copyOfRange(a.data, i * K, (i + 1) * K));
                assertThat(Kernels.mul(row, b).data).as("row %d, zeros %s", i, zeros)
                        .containsExactly(java.util.Arrays.copyOfRange(whole.data, i * N, (i + 1) * N));
                for (int j = 0; j < 5; j++) {
                    assertThat(narrow.get(i, j)).isEqualTo(whole.get(i, j));
                }
            }
        }
    }

    @Test
    void aTransposedLeftOperandIsReadInPlaceThroughTheSameSums() {
        // Aᵀ·B reads the columns of the stored A instead of a transposed copy: the same terms in the same order
        for (double zeros : new double[] {0.0, 0.6}) {
            Matrix a = left(zeros, 9);
            Matrix b = Matrix.gaussian(K, N, new SplittableRandom(10));
            Matrix stored = Kernels.transpose(a);
            assertThat(Kernels.transposedMul(stored, b).data).as("zeros %s", zeros).containsExactly(Kernels.mul(a, b).data);
        }
    }

    @Test
    void aWeightGradientIsAddedWhereItAccumulatesWhicheverOperandIsSparser() {
        // gᵀ·X with the sparser operand on either side: added to what the destination holds, entry by entry
        Matrix dense = Matrix.gaussian(M, 70, new SplittableRandom(11));
        Matrix sparse = left(0.6, 12).columns(0, 41); // an odd count of product rows: one is stored alone
        for (Matrix[] operands : new Matrix[][] {{dense, sparse}, {sparse, dense}}) {
            Matrix a = operands[0];
            Matrix b = operands[1];
            double[] into = Matrix.gaussian(a.cols, b.cols, new SplittableRandom(13)).data;
            double[] before = into.clone();
            Kernels.addTransposedMul(into, a, b);
            double[] product = Kernels.mul(Kernels.transpose(a), b).data;
            for (int i = 0; i < into.length; i++) {
                assertThat(into[i]).as("entry %d, %d x %d on the left", i, a.rows, a.cols).isEqualTo(before[i] + product[i]);
            }
        }
    }

    @Test
    void weightGradientsAndProductsWithInfinitiesAreTheSameOnOneThreadAndOnSeveral() {
        // a pair of rows lists a position where either row is non-zero, so the other row adds 0·B[p]: 0 for a finite
        // B, NaN for an infinite one; rows are paired (2t, 2t + 1) on any pool, so the bits do not depend on it
        Matrix dense = Matrix.gaussian(M, 70, new SplittableRandom(14));
        Matrix sparse = left(0.6, 15).columns(0, 41);
        Matrix a = left(0.6, 16);
        Matrix b = Matrix.gaussian(K, N, new SplittableRandom(17));
        for (int j = 0; j < N; j++) {
            b.set(7, j, j % 2 == 0 ? Double.POSITIVE_INFINITY : 1e300); // 1e300 is infinite as a float
        }
        ForkJoinPool single = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2); // 71 rows in 8 chunks of 9: odd chunks unless rounded up
        try {
            for (Matrix[] operands : new Matrix[][] {{dense, sparse}, {sparse, dense}}) {
                double[] one = new double[operands[0].cols * operands[1].cols];
                double[] several = one.clone();
                Kernels.onPool(single, () -> { Kernels.addTransposedMul(one, operands[0], operands[1]); return null; });
                Kernels.onPool(two, () -> { Kernels.addTransposedMul(several, operands[0], operands[1]); return null; });
                assertThat(several).containsExactly(one);
            }
            Matrix one = Kernels.onPool(single, () -> Kernels.mul(a, b));
            Matrix several = Kernels.onPool(two, () -> Kernels.mul(a, b));
            assertThat(several.data).containsExactly(one.data);
            assertThat(java.util.Arrays.stream(one.data).filter(Double::isNaN).count()).isPositive(); // 0·∞ happened
        } finally {
            single.shutdown();
            two.shutdown();
        }
    }

    @Test
    void layerWeightsAreReadAfreshOnceChanged() {
        SplittableRandom rng = new SplittableRandom(9);
        Linear layer = new Linear(K, N, rng);
        Matrix x = Matrix.gaussian(M, K, rng);
        Matrix before = layer.forward(x, true);
        for (int i = 0; i < layer.weight.value.length; i++) {
            layer.weight.value[i] = -layer.weight.value[i];
        }
        layer.weight.changed();
        Matrix after = layer.forward(x, true);
        Matrix expected = Kernels.mulTransposed(x, layer.weightMatrix()); // converted on the spot
        for (int i = 0; i < after.data.length; i++) {
            double bias = layer.bias.value[i % N];
            assertThat(after.data[i]).isEqualTo(expected.data[i] + bias);
            assertThat(after.data[i] - bias).isCloseTo(-(before.data[i] - bias), Offset.offset(1e-4));
        }
        Matrix g = Matrix.gaussian(M, N, rng);
        assertThat(layer.inputGradient(g).data).containsExactly(Kernels.mul(g, layer.weightMatrix()).data);
    }

    @Test
    void aNarrowLayerGivesTheSameBitsComputedTransposed() {
        // 10 outputs for 80 rows: computed as (W·Xᵀ)ᵀ, it must equal the row by row product
        SplittableRandom rng = new SplittableRandom(11);
        Linear narrow = new Linear(K, 10, rng);
        for (double zeros : new double[] {0.0, 0.6}) {
            Matrix x = Matrix.gaussian(80, K, rng);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = rng.nextDouble() < zeros ? 0 : x.data[i];
            }
            Matrix y = narrow.forward(x, true);
            for (int i = 0; i < 80; i += 9) {
                Matrix row = new Matrix(1, K, java.util.Arrays.copyOfRange(x.data, i * K, (i + 1) * K));
                Matrix expected = Kernels.mulTransposed(row, narrow.weightMatrix());
                for (int j = 0; j < 10; j++) {
                    assertThat(y.get(i, j)).as("(%d, %d)", i, j).isEqualTo(expected.get(0, j) + narrow.bias.value[j]);
                }
            }
        }
    }

    @Test
    void anOptimiserStepRenewsTheWeightsTheProductsRead() {
        SplittableRandom rng = new SplittableRandom(10);
        Linear layer = new Linear(K, N, rng);
        Matrix x = Matrix.gaussian(M, K, rng);
        layer.forward(x, true); // the float copy of the initial weights is made here
        java.util.Arrays.fill(layer.weight.grad, 1);
        new Adam(layer.parameters(), 0.1, 0.5, 0.9, 0, 0).step();
        Matrix stepped = layer.forward(x, true);
        Matrix expected = Kernels.mulTransposed(x, layer.weightMatrix());
        for (int i = 0; i < stepped.data.length; i++) {
            assertThat(stepped.data[i]).isEqualTo(expected.data[i] + layer.bias.value[i % N]);
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
