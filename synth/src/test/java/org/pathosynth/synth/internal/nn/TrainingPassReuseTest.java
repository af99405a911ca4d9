package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Layers write a training pass's intermediate matrices over the previous pass's (see {@link Scratch}): a pass
 * must give the same bits as the same pass in a network that never ran one, and what a network returns to its
 * caller must survive the next pass.
 */
class TrainingPassReuseTest {
    // at least 64 rows and hidden layers 64 wide: the hidden layers' products write over their buffers (a narrower
    // layer takes a transposed product into a new matrix), and a narrow output layer its transposed product
    private static final int ROWS = 80;
    private static final int HIDDEN = 64;
    private static final int PACKS = 50; // a critic's rows (CTGAN: 500 rows by 10), fewer than 64: a direct product

    /** A CTGAN generator's shape: two residual blocks with batch norm, then a linear layer to the data's width. */
    private static Sequential generator(int outputs) {
        SplittableRandom rng = new SplittableRandom(3);
        return new Sequential(List.of(new ResidualBlock(20, HIDDEN, rng), new ResidualBlock(20 + HIDDEN, HIDDEN, rng),
                new Linear(20 + 2 * HIDDEN, outputs, rng)));
    }

    private record Pass(double[] output, double[] inputGradient, List<double[]> gradients) {
    }

    private static Pass pass(Sequential net, Matrix x, Matrix g) {
        net.parameters().forEach(Parameter::zeroGrad);
        Matrix y = net.forward(x, true);
        double[] output = y.data.clone();
        double[] inputGradient = net.backward(g).data.clone();
        List<double[]> gradients = new ArrayList<>();
        net.parameters().forEach(p -> gradients.add(p.grad.clone()));
        return new Pass(output, inputGradient, gradients);
    }

    private static Matrix gaussian(int rows, int cols, long seed) {
        return Matrix.gaussian(rows, cols, new SplittableRandom(seed));
    }

    @Test
    void aGeneratorsSecondPassIsBitForBitAFirstPass() {
        secondPassIsAFirstPass(24); // narrower than 64, as CTGAN's output layer on these tables
        secondPassIsAFirstPass(72);
    }

    private static void secondPassIsAFirstPass(int outputs) {
        Sequential used = generator(outputs);
        Matrix x2 = gaussian(ROWS, 20, 12);
        Matrix g2 = gaussian(ROWS, outputs, 13);
        used.forward(gaussian(ROWS / 2, 20, 14), true); // another batch size first: buffers of another shape
        used.backward(gaussian(ROWS / 2, outputs, 15));
        Matrix firstOutput = used.forward(gaussian(ROWS, 20, 10), true);
        double[] firstOutputValues = firstOutput.data.clone();
        used.backward(gaussian(ROWS, outputs, 11));

        Pass again = pass(used, x2, g2);
        Pass fresh = pass(generator(outputs), x2, g2);

        assertThat(again.output()).isEqualTo(fresh.output());
        assertThat(again.inputGradient()).isEqualTo(fresh.inputGradient());
        for (int i = 0; i < fresh.gradients().size(); i++) {
            assertThat(again.gradients().get(i)).as("parameter %d", i).isEqualTo(fresh.gradients().get(i));
        }
        assertThat(firstOutput.data).as("the network's output of the first pass").isEqualTo(firstOutputValues);
    }

    @Test
    void aCriticsScoresSurviveItsNextPassAndItsPenaltyIsAFirstPenalty() {
        PacCritic used = new PacCritic(40, new int[] {32, 32}, 0.2, 0.5, new SplittableRandom(5));
        Matrix real = gaussian(PACKS, 40, 20);
        Matrix fake = gaussian(PACKS, 40, 21);
        Matrix mixed = gaussian(PACKS, 40, 22);
        Matrix realScores = used.forward(real, true);
        double[] realValues = realScores.data.clone();
        used.backwardToParameters(constant(PACKS, -1.0 / PACKS));
        Matrix fakeScores = used.forward(fake, true);
        used.backwardToParameters(constant(PACKS, 1.0 / PACKS));
        assertThat(realScores.data).as("scores of the real batch after the fake batch's pass").isEqualTo(realValues);
        assertThat(fakeScores.data).isNotEqualTo(realValues);

        used.parameters().forEach(Parameter::zeroGrad);
        used.reseed(7);
        double penalty = used.gradientPenalty(mixed, 10);
        List<double[]> gradients = new ArrayList<>();
        used.parameters().forEach(p -> gradients.add(p.grad.clone()));

        PacCritic fresh = new PacCritic(40, new int[] {32, 32}, 0.2, 0.5, new SplittableRandom(5));
        fresh.reseed(7);
        assertThat(fresh.gradientPenalty(mixed, 10)).isEqualTo(penalty);
        for (int i = 0; i < gradients.size(); i++) {
            assertThat(fresh.parameters().get(i).grad).as("parameter %d", i).isEqualTo(gradients.get(i));
        }
    }

    @Test
    void aCriticsInputGradientIsTheCallersToKeep() {
        PacCritic critic = new PacCritic(40, new int[] {32, 32}, 0.2, 0.0, new SplittableRandom(5));
        critic.forward(gaussian(ROWS, 40, 30), true);
        Matrix first = critic.backwardToInput(constant(ROWS, 1));
        double[] firstValues = first.data.clone();
        critic.forward(gaussian(ROWS, 40, 31), true);
        Matrix second = critic.backwardToInput(constant(ROWS, 1));
        assertThat(first.data).isEqualTo(firstValues);
        assertThat(second.data).isNotEqualTo(firstValues);
    }

    private static Matrix constant(int rows, double v) {
        Matrix m = new Matrix(rows, 1);
        m.fill(v);
        return m;
    }
}
