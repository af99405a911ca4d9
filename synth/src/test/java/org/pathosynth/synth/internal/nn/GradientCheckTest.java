package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation's analytic gradient against central finite differences. */
class GradientCheckTest {
    // finite differences need double products: float rounding (1e-7 relative) would swamp them
    @BeforeEach
    void doublePrecision() {
        Kernels.setThreadPrecision(Precision.DOUBLE);
    }

    @AfterEach
    void defaultPrecision() {
        Kernels.setThreadPrecision(Precision.SINGLE);
    }

    private static final double H = 1e-5;

    /** A scalar loss Σ R⊙layer(x) with a fixed random R; checks dL/dx and dL/dθ. */
    private static void check(Layer layer, Matrix x, Runnable beforeForward, double tolerance) {
        SplittableRandom rng = new SplittableRandom(99);
        beforeForward.run();
        Matrix y = layer.forward(x, true);
        Matrix r = Matrix.gaussian(y.rows, y.cols, rng);
        Supplier<Double> loss = () -> {
            beforeForward.run();
            Matrix out = layer.forward(x, true);
            double s = 0;
            for (int i = 0; i < out.data.length; i++) {
                s += out.data[i] * r.data[i];
            }
            return s;
        };
        layer.parameters().forEach(Parameter::zeroGrad);
        beforeForward.run();
        layer.forward(x, true);
        Matrix dx = layer.backward(r);
        List<double[]> analytic = new ArrayList<>();
        layer.parameters().forEach(p -> analytic.add(p.grad.clone()));
        compare(x.data, dx.data, loss, tolerance);
        for (int k = 0; k < analytic.size(); k++) {
            compare(layer.parameters().get(k).value, analytic.get(k), loss, tolerance);
        }
    }

    // writes parameter values without Parameter.changed(): only in double precision (set before each test), where
    // the products read the values themselves, not the layers' float copies
    private static void compare(double[] values, double[] analytic, Supplier<Double> loss, double tolerance) {
        assertThat(analytic).hasSize(values.length);
        int stride = Math.max(1, values.length / 40);
        for (int i = 0; i < values.length; i += stride) {
            double v = values[i];
            values[i] = v + H;
            double up = loss.get();
            values[i] = v - H;
            double down = loss.get();
            values[i] = v;
            double numeric = (up - down) / (2 * H);
            assertThat(analytic[i]).as("entry %d", i).isCloseTo(numeric, org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(numeric))));
        }
    }

    private static Matrix input(int rows, int cols, long seed) {
        return Matrix.gaussian(rows, cols, new SplittableRandom(seed));
    }

    @Test
    void linear() {
        check(new Linear(7, 5, new SplittableRandom(1)), input(6, 7, 2), () -> { }, 1e-6);
    }

    @Test
    void batchNormInTrainingMode() {
        BatchNorm bn = new BatchNorm(4);
        SplittableRandom rng = new SplittableRandom(3);
        for (int j = 0; j < 4; j++) { // move γ, β off their initial values so their gradients are exercised
            bn.gamma.value[j] = 0.5 + rng.nextDouble();
            bn.beta.value[j] = rng.nextGaussian();
        }
        check(bn, input(8, 4, 4), () -> { }, 1e-5);
    }

    @Test
    void activations() {
        check(new LeakyRelu(0.2), input(5, 6, 5), () -> { }, 1e-6);
        check(LeakyRelu.relu(), input(5, 6, 6), () -> { }, 1e-6);
        check(new Tanh(), input(5, 6, 7), () -> { }, 1e-6);
    }

    @Test
    void dropoutWithAReplayedMask() {
        Dropout d = new Dropout(0.5, new SplittableRandom(1));
        check(d, input(5, 6, 8), () -> d.reseed(42), 1e-6);
        d.reseed(42);
        Matrix y = d.forward(input(50, 20, 9), true);
        long zeros = java.util.Arrays.stream(y.data).filter(v -> v == 0).count();
        assertThat(zeros).isBetween(400L, 600L);
        assertThat(d.forward(input(2, 2, 1), false).data).containsExactly(input(2, 2, 1).data);
    }

    @Test
    void residualBlockConcatenatesAndBackpropagatesThroughBoth() {
        ResidualBlock block = new ResidualBlock(5, 4, new SplittableRandom(10));
        Matrix x = input(7, 5, 11);
        Matrix y = block.forward(x, true);
        assertThat(y.cols).isEqualTo(9);
        assertThat(y.columns(4, 9).data).containsExactly(x.data);
        check(block, x, () -> { }, 1e-5);
    }

    @Test
    void gumbelSoftmaxAndTanhSpans() {
        List<OutputSpan> spans = List.of(new OutputSpan(0, 1, OutputSpan.Kind.TANH), new OutputSpan(1, 3, OutputSpan.Kind.SOFTMAX),
                new OutputSpan(4, 1, OutputSpan.Kind.TANH), new OutputSpan(5, 2, OutputSpan.Kind.SOFTMAX));
        SpanActivation act = new SpanActivation(spans, 0.2, new SplittableRandom(1));
        Matrix x = input(4, 7, 12);
        check(act, x, () -> act.reseed(7), 1e-5);
        act.reseed(7);
        Matrix y = act.forward(x, true);
        for (int r = 0; r < 4; r++) {
            assertThat(y.get(r, 1) + y.get(r, 2) + y.get(r, 3)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(y.get(r, 0)).isEqualTo(Math.tanh(x.get(r, 0)));
        }
    }

    @Test
    void sequentialChain() {
        SplittableRandom rng = new SplittableRandom(13);
        Sequential net = new Sequential(List.of(new Linear(6, 8, rng), new BatchNorm(8), LeakyRelu.relu(),
                new ResidualBlock(8, 5, rng), new Linear(13, 3, rng)));
        check(net, input(10, 6, 14), () -> { }, 1e-5);
    }

    @Test
    void aGeneratorComputesOnlyTheInputGradientsItsFirstLayerReads() {
        // CTGAN's generator: the skips carry the noise and the condition down to the first block, whose parameters
        // read only its own output's gradient; the partial products must give the very same parameter gradients.
        // Widths of 16 and more, so that the partial products take the row-pair kernel over longer rows of W.
        for (Precision precision : Precision.values()) {
            for (boolean batchNorm : new boolean[] {true, false}) {
                Kernels.setThreadPrecision(precision);
                SplittableRandom rng = new SplittableRandom(21);
                Sequential net = new Sequential(List.of(new ResidualBlock(20, 18, batchNorm, rng),
                        new ResidualBlock(38, 17, batchNorm, rng), new Linear(55, 19, rng)));
                Matrix x = input(12, 20, 22);
                Matrix g = Matrix.gaussian(12, 19, rng);
                assertThat(net.outputColumnsNeeded(0)).isEqualTo(Integer.MAX_VALUE);
                assertThat(net.layers().get(1).outputColumnsNeeded(5)).isEqualTo(17 + 5); // its output, then the skip's first 5
                net.forward(x, true);
                net.parameters().forEach(Parameter::zeroGrad);
                Matrix dx = net.backward(g); // every input gradient, the first layer's included
                List<double[]> whole = net.parameters().stream().map(p -> p.grad.clone()).toList();
                net.parameters().forEach(Parameter::zeroGrad);
                net.backwardToParameters(g);
                for (int k = 0; k < whole.size(); k++) {
                    assertThat(net.parameters().get(k).grad).as("%s, batch norm %s, parameter %d", precision, batchNorm, k)
                            .containsExactly(whole.get(k));
                }
                for (int columns : new int[] {1, 7, 19, 20, 25}) {
                    assertThat(net.backward(g, columns).data).as("%s, %d columns", precision, columns)
                            .containsExactly(dx.columns(0, Math.min(columns, 20)).data);
                }
                assertThat(net.backward(g, 0).cols).isZero(); // only the parameters' gradients
            }
        }
    }

    /** The critic's input gradient, then the penalty's gradient with respect to every weight. */
    @Test
    void criticBackwardAndGradientPenalty() {
        PacCritic critic = new PacCritic(12, new int[] {9, 7}, 0.2, 0.5, new SplittableRandom(15));
        Matrix x = input(6, 12, 16);
        // plain backward: dΣC/dx and dΣC/dθ
        Supplier<Double> score = () -> {
            critic.reseed(5);
            Matrix s = critic.forward(x, true);
            return java.util.Arrays.stream(s.data).sum();
        };
        critic.parameters().forEach(Parameter::zeroGrad);
        critic.reseed(5);
        Matrix s = critic.forward(x, true);
        Matrix ones = s.zerosLike();
        ones.fill(1);
        Matrix dx = critic.backward(ones);
        List<double[]> analytic = critic.parameters().stream().map(p -> p.grad.clone()).toList();
        compare(x.data, dx.data, score, 1e-6);
        for (int k = 0; k < analytic.size(); k++) {
            compare(critic.parameters().get(k).value, analytic.get(k), score, 1e-6);
        }
        // the input gradient used by the penalty equals the backward pass's dx
        critic.reseed(5);
        critic.forward(x, true);
        Matrix g = critic.inputGradient(new Matrix[2]);
        for (int i = 0; i < g.data.length; i++) {
            assertThat(g.data[i]).isCloseTo(dx.data[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        // gradient of the gradient penalty with respect to the weights
        Supplier<Double> penalty = () -> {
            critic.reseed(6);
            List<double[]> saved = critic.parameters().stream().map(p -> p.grad.clone()).toList();
            double v = critic.gradientPenalty(x, 10);
            for (int k = 0; k < saved.size(); k++) {
                System.arraycopy(saved.get(k), 0, critic.parameters().get(k).grad, 0, saved.get(k).length);
            }
            return v;
        };
        critic.parameters().forEach(Parameter::zeroGrad);
        critic.reseed(6);
        double value = critic.gradientPenalty(x, 10);
        assertThat(value).isGreaterThan(0);
        List<double[]> gp = critic.parameters().stream().map(p -> p.grad.clone()).toList();
        for (int k = 0; k < gp.size(); k++) {
            compare(critic.parameters().get(k).value, gp.get(k), penalty, 1e-5);
        }
        // biases do not enter the input gradient
        assertThat(gp.get(1)).containsOnly(0.0);
    }

    @Test
    void adamStepsAgainstTheGradientAndClips() {
        Parameter p = new Parameter("w", new double[] {1.0, -2.0});
        Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999, 0, 1.0);
        p.grad[0] = 30;
        p.grad[1] = -40;
        assertThat(adam.gradientNorm()).isEqualTo(50.0);
        adam.step();
        // the first Adam step moves each entry by lr against the sign of its gradient
        assertThat(p.value[0]).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.value[1]).isCloseTo(-1.9, org.assertj.core.data.Offset.offset(1e-6));
        Parameter q = new Parameter("q", new double[] {2.0});
        Adam decayed = new Adam(List.of(q), 0.1, 0.9, 0.999, 0.5, 0);
        decayed.step(); // zero gradient: only the L2 term 0.5·2 pushes the value down
        assertThat(q.value[0]).isCloseTo(1.9, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void kernelsAgreeWithNaiveProducts() {
        checkProducts(1e-9);
    }

    @Test
    void singlePrecisionKernelsAgreeWithinFloatRounding() {
        Kernels.setThreadPrecision(Precision.SINGLE);
        checkProducts(1e-4);
    }

    @Test
    void sparseOperandsOnEitherSideGiveTheSameProduct() {
        // a sparse operand on either side of transposedMul (the kernel skips zeros of its left operand): both
        // orders must agree with the naive sums
        for (Precision precision : Precision.values()) {
            Kernels.setThreadPrecision(precision);
            double tolerance = precision == Precision.DOUBLE ? 1e-9 : 1e-4;
            SplittableRandom rng = new SplittableRandom(5);
            Matrix dense = Matrix.gaussian(120, 80, rng);
            Matrix sparse = Matrix.gaussian(120, 70, rng);
            for (int i = 0; i < sparse.data.length; i++) {
                sparse.data[i] = Math.max(0, sparse.data[i]);
            }
            Matrix c = Kernels.transposedMul(dense, sparse);
            Matrix d = Kernels.transposedMul(sparse, dense);
            for (int i = 0; i < 80; i++) {
                for (int j = 0; j < 70; j++) {
                    double s = 0;
                    for (int r = 0; r < 120; r++) {
                        s += dense.get(r, i) * sparse.get(r, j);
                    }
                    assertThat(c.get(i, j)).as("%s", precision).isCloseTo(s, org.assertj.core.data.Offset.offset(tolerance));
                    assertThat(d.get(j, i)).as("%s", precision).isCloseTo(s, org.assertj.core.data.Offset.offset(tolerance));
                }
            }
        }
    }

    private static void checkProducts(double tolerance) {
        SplittableRandom rng = new SplittableRandom(17);
        Matrix a = Matrix.gaussian(70, 90, rng);
        Matrix b = Matrix.gaussian(90, 50, rng);
        for (int i = 0; i < a.data.length; i += 3) {
            a.data[i] = 0; // exercise the list of non-zero positions
        }
        Matrix c = Kernels.mul(a, b);
        Matrix ct = Kernels.transposedMul(Kernels.transpose(a), b);
        Matrix cb = Kernels.mulTransposed(a, Kernels.transpose(b));
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 50; j++) {
                double s = 0;
                for (int p = 0; p < 90; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                assertThat(c.get(i, j)).isCloseTo(s, org.assertj.core.data.Offset.offset(tolerance));
                assertThat(ct.get(i, j)).isCloseTo(s, org.assertj.core.data.Offset.offset(tolerance));
                assertThat(cb.get(i, j)).isCloseTo(s, org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
