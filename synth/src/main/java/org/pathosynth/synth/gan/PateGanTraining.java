package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.nn.Adam;
import org.pathosynth.synth.internal.nn.Matrix;
import org.pathosynth.synth.internal.nn.PacCritic;
import org.pathosynth.synth.internal.nn.ParameterAverage;
import org.pathosynth.synth.internal.pate.LogisticRegression;
import org.pathosynth.synth.internal.pate.MomentsAccountant;
import org.pathosynth.synth.internal.pate.NoisyVote;
import org.pathosynth.synth.internal.pate.TeacherBlocks;

/** One PATE-GAN fit: the networks, the teachers, the accountant and the outer loop. */
final class PateGanTraining {
    private static final double GRADIENT_PENALTY = 10;
    private static final int TEACHER_NEWTON_STEPS = 25;
    /** Steps of an epoch at least: with the defaults, at least 4,000 generator steps in all. */
    static final int MIN_STEPS_PER_EPOCH = 10;
    /**
     * The generator kept is the moving average of its iterates (about the last 200 steps): on TCGA-BRCA at ε 1, seeds
     * 1-3, 0.756, 0.711, 0.757 overall accuracy against 0.689, 0.691, 0.748 for the last iterate.
     */
    private static final double AVERAGE_DECAY = 0.995;

    private final PateSettings pate;
    private final EncodedTable table;
    private final ConditionalSampler conditions;
    private final Matrix data;
    private final Generator generator;
    private final PacCritic critic;
    private final Adam generatorOptimizer;
    private final Adam criticOptimizer;
    private final LogisticRegression[] teachers;
    private final MomentsAccountant accountant;
    private final RandomGenerator voteNoise;
    private final int width;
    private final int epochsPerIteration;
    private final ParameterAverage average;

    PateGanTraining(PateSettings pate, PateGanSynthesizer.Settings s, EncodedTable table, RandomGenerator voteNoise,
                    SplittableRandom rng) {
        this.pate = pate;
        this.table = table;
        this.conditions = table.conditions();
        this.data = table.data();
        this.width = table.width();
        this.epochsPerIteration = s.epochsPerIteration();
        int in = s.latent() + conditions.width;
        // synthcity's residual MLP: block 1 is in → hidden, block 2 keeps its (hidden + in) width
        generator = new Generator(new Generator.Shape(s.latent(), new int[] {s.hidden(), s.hidden() + in}, false), table.transformer(),
                conditions.width, rng);
        critic = new PacCritic(width + conditions.width, new int[] {s.hidden(), s.hidden()}, 0.01, new double[] {0.1, 0}, rng.split());
        generatorOptimizer = new Adam(generator.net.parameters(), s.learningRate(), 0.9, 0.999, s.weightDecay(), 1);
        criticOptimizer = new Adam(critic.parameters(), s.learningRate(), 0.9, 0.999, s.weightDecay(), 1);
        average = new ParameterAverage(generator.net.parameters(), AVERAGE_DECAY);
        teachers = new LogisticRegression[s.teachers()];
        accountant = pate.accountant(table.priorRho());
        this.voteNoise = voteNoise;
    }

    /**
     * Outer iterations of teacher training then GAN epochs. Votes are asked for while the budget affords a batch of
     * them; after that the student critic learns from the marginal rows alone (no real row, nothing to charge) until
     * the iteration cap or the stop check.
     */
    GanModel run(double delta, ArtifactProvenance provenance, ProgressListener progress, SplittableRandom rng) {
        int steps = stepsPerEpoch(data.rows, pate.batch());
        List<double[]> losses = new ArrayList<>();
        boolean voting = pate.affordsBatch(accountant, delta);
        boolean stopped = false;
        for (int it = 0; it < pate.maxIterations() && !stopped; it++) {
            if (voting) {
                trainTeachers(rng);
            }
            double[] last = null;
            for (int epoch = 0; epoch < epochsPerIteration && !stopped; epoch++) {
                for (int s = 0; s < steps; s++) {
                    voting = voting && pate.affordsBatch(accountant, delta);
                    last = step(voting, rng);
                }
                stopped = pate.stop().getAsBoolean();
            }
            if (last != null) {
                losses.add(last);
            }
            progress.onProgress("fit", it + 1, pate.maxIterations());
        }
        average.apply();
        PrivacyGuarantee privacy = pate.spent(accountant, delta, teachers.length,
                "PATE: Laplace-noised teacher votes, data-independent moments accountant (PATE-GAN after synthcity), "
                        + "with encoders and student rows from noisy marginals (marginal_model) unless data_encoders",
                PateSynthesizer.coverage(table) + " Unlike synthcity, whose student critic is trained on the real rows "
                        + "themselves (so its guarantee does not hold), the critic here sees generated rows labelled by the "
                        + "votes and rows drawn from the marginal model; batches voted mostly real are charged too, and "
                        + "the budget is never overspent.");
        return table.model(PateGanSynthesizer.NAME, generator, pate.batch(), losses.toArray(double[][]::new), privacy, provenance);
    }

    /**
     * synthcity's epoch, 80 % of the rows in batches, but at least {@link #MIN_STEPS_PER_EPOCH}: the critic's
     * positives come from the marginal model's sample, not from the N rows, so a small table does not make a short
     * epoch enough. With synthcity's epochs, TCGA-BRCA's 879 rows gave 4 steps an epoch (1,600 generator steps in
     * 40 iterations) and the generator had not learnt the model's dependence yet.
     */
    static int stepsPerEpoch(int rows, int batch) {
        return Math.max(MIN_STEPS_PER_EPOCH, (int) Math.ceil(0.8 * rows / batch));
    }

    /**
     * Fresh disjoint blocks of the real rows, each row to a teacher of its own ({@link TeacherBlocks}); each teacher
     * separates its block (1) from as many generated rows (0). A teacher whose block is empty has no model and votes
     * fake.
     */
    private void trainTeachers(SplittableRandom rng) {
        int[][] blocks = TeacherBlocks.assign(data.rows, teachers.length, rng);
        for (int t = 0; t < teachers.length; t++) {
            int block = blocks[t].length;
            if (block == 0) {
                teachers[t] = null;
                continue;
            }
            Matrix fake = generator.generate(conditions.draw(block, rng).cond(), rng, false);
            double[] x = new double[2 * block * width];
            boolean[] y = new boolean[2 * block];
            for (int r = 0; r < block; r++) {
                System.arraycopy(data.data, blocks[t][r] * width, x, r * width, width);
                y[r] = true;
            }
            System.arraycopy(fake.data, 0, x, block * width, block * width);
            teachers[t] = LogisticRegression.fit(x, 2 * block, width, y, TEACHER_NEWTON_STEPS);
        }
    }

    /**
     * One student-critic update, then one generator update; returns {critic loss, generator loss}. The critic's
     * positives are rows drawn from the marginal model under the same conditions, and the generated rows the
     * teachers' noisy vote calls real (while {@code voting}); its negatives are the other generated rows.
     */
    private double[] step(boolean voting, SplittableRandom rng) {
        int batch = pate.batch();
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fake = generator.generate(draw.cond(), rng, true);
        Matrix real = table.marginalRows(draw, rng);
        boolean[] labelledReal = voting ? labels(fake) : new boolean[batch];
        Matrix realIn = Matrix.concat(real, draw.cond());
        Matrix fakeIn = Matrix.concat(fake, draw.cond());
        Matrix both = Matrix.stackRows(realIn, fakeIn);
        int positives = batch;
        for (boolean l : labelledReal) {
            positives += l ? 1 : 0;
        }
        int negatives = 2 * batch - positives;
        criticOptimizer.zeroGrad();
        Matrix scores = critic.forward(both, true);
        Matrix g = new Matrix(2 * batch, 1);
        double loss = 0;
        for (int r = 0; r < 2 * batch; r++) {
            boolean positive = r < batch || labelledReal[r - batch];
            g.data[r] = positive ? -1.0 / positives : 1.0 / negatives;
            loss += g.data[r] * scores.data[r];
        }
        critic.backwardToParameters(g);
        Matrix mixed = Matrix.mixRows(realIn, fakeIn, rng);
        double penalty = critic.gradientPenalty(mixed, GRADIENT_PENALTY);
        criticOptimizer.step();

        double generatorLoss = generator.train(critic, 1, conditions, generatorOptimizer, batch, Generator.WASSERSTEIN, rng);
        average.update();
        return new double[] {loss + penalty, generatorLoss};
    }

    /**
     * Noisy teacher labels for generated rows, every row's votes charged. As in synthcity, a batch voted mostly real
     * is relabelled all fake; that choice reads the noisy votes only, so its batch is charged too (synthcity does not
     * charge it, and so understates its ε).
     */
    private boolean[] labels(Matrix fake) {
        int batch = fake.rows;
        int[] votesReal = new int[batch];
        boolean[] labels = new boolean[batch];
        int real = 0;
        for (int b = 0; b < batch; b++) {
            for (LogisticRegression t : teachers) {
                votesReal[b] += t != null && t.probability(fake.data, b * width) > 0.5 ? 1 : 0;
            }
            labels[b] = NoisyVote.real(votesReal[b], teachers.length, pate.lambda(), voteNoise);
            real += labels[b] ? 1 : 0;
        }
        accountant.charge(batch);
        return 2 * real >= batch ? new boolean[batch] : labels;
    }
}
