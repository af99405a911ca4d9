package org.pathosynth.synth.gan;

import java.util.SplittableRandom;
import org.pathosynth.synth.nn.Adam;
import org.pathosynth.synth.nn.Matrix;
import org.pathosynth.synth.nn.PacCritic;

/**
 * CTGAN's generator (residual blocks, then a linear layer to the data width; output activations
 * applied apart so the conditional loss can read the logits) and its pac critic, with one WGAN-GP
 * training step.
 */
final class CtganNetworks {
    final Generator generator;
    final PacCritic critic;
    final int pac;
    private final int dataWidth;
    private final ConditionalSampler conditions;
    private final Adam generatorOptimizer;
    private final Adam criticOptimizer;

    CtganNetworks(CtganSynthesizer.Settings s, DataTransformer transformer, ConditionalSampler conditions, SplittableRandom rng) {
        this.pac = s.pac();
        this.dataWidth = transformer.width;
        this.conditions = conditions;
        generator = new Generator(new Generator.Shape(s.embedding(), s.generatorDims(), true), transformer, conditions.width, rng);
        critic = new PacCritic(pac * (dataWidth + conditions.width), s.criticDims(), 0.2, 0.5, rng.split());
        generatorOptimizer = new Adam(generator.net.parameters(), s.learningRate(), 0.5, 0.9, s.weightDecay(), 0);
        criticOptimizer = new Adam(critic.parameters(), s.learningRate(), 0.5, 0.9, s.weightDecay(), 0);
    }

    /** One critic update then one generator update; returns {critic loss, generator loss}. */
    double[] step(Matrix data, int batch, SplittableRandom rng) {
        // critic
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fake = generator.generate(draw.cond(), rng, true);
        int[] perm = permutation(batch, rng);
        Matrix real = new Matrix(batch, dataWidth);
        Matrix realCond = new Matrix(batch, conditions.width);
        for (int b = 0; b < batch; b++) {
            int p = perm[b];
            int row = conditions.realRow(draw.column()[p], draw.category()[p], data.rows, rng);
            System.arraycopy(data.data, row * dataWidth, real.data, b * dataWidth, dataWidth);
            System.arraycopy(draw.cond().data, p * conditions.width, realCond.data, b * conditions.width, conditions.width);
        }
        Matrix realIn = Matrix.concat(real, realCond).reshapeRows(pac);
        Matrix fakeIn = Matrix.concat(fake, draw.cond()).reshapeRows(pac);
        int packs = realIn.rows;
        criticOptimizer.zeroGrad();
        Matrix yReal = critic.forward(realIn, true);
        critic.backwardToParameters(constant(packs, -1.0 / packs));
        Matrix yFake = critic.forward(fakeIn, true);
        critic.backwardToParameters(constant(packs, 1.0 / packs));
        Matrix mixed = realIn.zerosLike();
        for (int p = 0; p < packs; p++) {
            double alpha = rng.nextDouble();
            int o = p * realIn.cols;
            for (int j = 0; j < realIn.cols; j++) {
                mixed.data[o + j] = alpha * realIn.data[o + j] + (1 - alpha) * fakeIn.data[o + j];
            }
        }
        double penalty = critic.gradientPenalty(mixed, 10);
        criticOptimizer.step();
        double criticLoss = -(mean(yReal) - mean(yFake)) + penalty;

        // generator
        draw = conditions.draw(batch, rng);
        Matrix z = Matrix.gaussian(batch, generator.shape.latent(), rng);
        Matrix logits = generator.logits(z, draw.cond(), true);
        fake = generator.activation.forward(logits, true);
        Matrix y = critic.forward(Matrix.concat(fake, draw.cond()).reshapeRows(pac), true);
        Matrix dIn = critic.backwardToInput(constant(packs, -1.0 / packs));
        Matrix dPacked = new Matrix(batch, dataWidth + conditions.width, dIn.data);
        Matrix dLogits = generator.activation.backward(dPacked.columns(0, dataWidth));
        double crossEntropy = conditions.crossEntropy(logits, draw, dLogits);
        generatorOptimizer.zeroGrad();
        generator.net.backwardToParameters(dLogits);
        generatorOptimizer.step();
        return new double[] {criticLoss, -mean(y) + crossEntropy};
    }

    static Matrix constant(int rows, double v) {
        Matrix m = new Matrix(rows, 1);
        m.fill(v);
        return m;
    }

    static double mean(Matrix m) {
        double s = 0;
        for (double v : m.data) {
            s += v;
        }
        return s / m.data.length;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
