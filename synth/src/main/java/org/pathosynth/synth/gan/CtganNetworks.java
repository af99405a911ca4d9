package org.pathosynth.synth.gan;

import java.util.SplittableRandom;
import org.pathosynth.core.random.Permutations;
import org.pathosynth.synth.internal.nn.Adam;
import org.pathosynth.synth.internal.nn.Matrix;
import org.pathosynth.synth.internal.nn.PacCritic;

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
        generator = s.net().generator(transformer, conditions.width, rng);
        critic = s.net().critic(pac * (dataWidth + conditions.width), rng.split());
        generatorOptimizer = s.net().optimizer(generator.net.parameters());
        criticOptimizer = s.net().optimizer(critic.parameters());
    }

    /** One critic update then one generator update; returns {critic loss, generator loss}. */
    double[] step(Matrix data, int batch, SplittableRandom rng) {
        // critic
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fake = generator.generate(draw.cond(), rng, true);
        int[] perm = Permutations.shuffled(batch, rng);
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
        Matrix mixed = Matrix.mixRows(realIn, fakeIn, rng);
        double penalty = critic.gradientPenalty(mixed, 10);
        criticOptimizer.step();
        double criticLoss = -(yReal.mean() - yFake.mean()) + penalty;

        double generatorLoss = generator.train(critic, pac, conditions, generatorOptimizer, batch, Generator.WASSERSTEIN, rng);
        return new double[] {criticLoss, generatorLoss};
    }

    private static Matrix constant(int rows, double v) {
        Matrix m = new Matrix(rows, 1);
        m.fill(v);
        return m;
    }
}
