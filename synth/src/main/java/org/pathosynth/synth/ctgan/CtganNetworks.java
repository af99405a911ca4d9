package org.pathosynth.synth.ctgan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.synth.nn.Adam;
import org.pathosynth.synth.nn.Layer;
import org.pathosynth.synth.nn.Linear;
import org.pathosynth.synth.nn.Matrix;
import org.pathosynth.synth.nn.PacCritic;
import org.pathosynth.synth.nn.ResidualBlock;
import org.pathosynth.synth.nn.Sequential;
import org.pathosynth.synth.nn.SpanActivation;

/**
 * CTGAN's generator (residual blocks, then a linear layer to the data width; output activations
 * applied apart so the conditional loss can read the logits) and its pac critic, with one WGAN-GP
 * training step.
 */
final class CtganNetworks {
    final Sequential generator;
    final SpanActivation activation;
    final PacCritic critic;
    final int embedding;
    final int pac;
    private final int dataWidth;
    private final ConditionalSampler conditions;
    private final Adam generatorOptimizer;
    private final Adam criticOptimizer;

    CtganNetworks(CtganSynthesizer.Settings s, DataTransformer transformer, ConditionalSampler conditions, SplittableRandom rng) {
        this.embedding = s.embedding();
        this.pac = s.pac();
        this.dataWidth = transformer.width;
        this.conditions = conditions;
        List<Layer> layers = new ArrayList<>();
        int width = embedding + conditions.width;
        for (int h : s.generatorDims()) {
            layers.add(new ResidualBlock(width, h, rng));
            width += h;
        }
        layers.add(new Linear(width, dataWidth, rng));
        generator = new Sequential(layers);
        activation = new SpanActivation(transformer.spans(), 0.2, rng.split());
        critic = new PacCritic(pac * (dataWidth + conditions.width), s.criticDims(), 0.2, 0.5, rng.split());
        generatorOptimizer = new Adam(generator.parameters(), s.learningRate(), 0.5, 0.9, s.weightDecay(), 0);
        criticOptimizer = new Adam(critic.parameters(), s.learningRate(), 0.5, 0.9, s.weightDecay(), 0);
    }

    /** Activated generator output for a batch of conditions (training-mode batch norm, as in the reference). */
    Matrix generate(Matrix cond, SplittableRandom rng) {
        Matrix z = Matrix.gaussian(cond.rows, embedding, rng);
        return activation.forward(generator.forward(Matrix.concat(z, cond), true), true);
    }

    /** One critic update then one generator update; returns {critic loss, generator loss}. */
    double[] step(Matrix data, int batch, SplittableRandom rng) {
        // critic
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fake = generate(draw.cond(), rng);
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
        critic.backward(constant(packs, -1.0 / packs));
        Matrix yFake = critic.forward(fakeIn, true);
        critic.backward(constant(packs, 1.0 / packs));
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
        Matrix z = Matrix.gaussian(batch, embedding, rng);
        Matrix logits = generator.forward(Matrix.concat(z, draw.cond()), true);
        fake = activation.forward(logits, true);
        Matrix y = critic.forward(Matrix.concat(fake, draw.cond()).reshapeRows(pac), true);
        Matrix dIn = critic.backward(constant(packs, -1.0 / packs));
        Matrix dPacked = new Matrix(batch, dataWidth + conditions.width, dIn.data);
        Matrix dLogits = activation.backward(dPacked.columns(0, dataWidth));
        double crossEntropy = conditionalLoss(logits, draw, dLogits);
        generatorOptimizer.zeroGrad();
        generator.backward(dLogits);
        generatorOptimizer.step();
        return new double[] {criticLoss, -mean(y) + crossEntropy};
    }

    /** CE between the logits of the conditioned column and its category, summed over rows / batch; adds its gradient. */
    private double conditionalLoss(Matrix logits, ConditionalSampler.Draw draw, Matrix dLogits) {
        if (!conditions.hasDiscrete()) {
            return 0;
        }
        int n = logits.rows;
        double loss = 0;
        for (int b = 0; b < n; b++) {
            int i = draw.column()[b];
            int start = conditions.dataOffset[i];
            int k = conditions.probabilities[i].length;
            int o = b * logits.cols + start;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.data[o + j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.exp(logits.data[o + j] - max);
            }
            double logSum = max + Math.log(s);
            loss += logSum - logits.data[o + draw.category()[b]];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(logits.data[o + j] - logSum);
                dLogits.data[o + j] += (p - (j == draw.category()[b] ? 1 : 0)) / n;
            }
        }
        return loss / n;
    }

    private static Matrix constant(int rows, double v) {
        Matrix m = new Matrix(rows, 1);
        m.fill(v);
        return m;
    }

    private static double mean(Matrix m) {
        double s = 0;
        for (double v : m.data) {
            s += v;
        }
        return s / m.data.length;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
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
