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
import org.pathosynth.synth.internal.pate.MomentsAccountant;
import org.pathosynth.synth.internal.pate.NoisyVote;
import org.pathosynth.synth.internal.pate.TeacherBlocks;

/** One PATE-CTGAN fit: generator, teacher and student discriminators, accountant, outer loop. */
final class PateCtganTraining {
    private final PateSettings pate;
    private final PateCtganSynthesizer.Settings settings;
    private final EncodedTable table;
    private final ConditionalSampler conditions;
    private final Matrix data;
    private final Generator generator;
    private final Adam generatorOptimizer;
    private final PacCritic[] teachers;
    private final Adam[] teacherOptimizers;
    private final int[][] blocks;
    private final PacCritic student;
    private final Adam studentOptimizer;
    private final MomentsAccountant accountant;
    private final RandomGenerator voteNoise;
    private final int width;

    PateCtganTraining(PateSettings pate, PateCtganSynthesizer.Settings s, EncodedTable table, RandomGenerator voteNoise,
                      SplittableRandom rng) {
        this.pate = pate;
        this.settings = s;
        this.table = table;
        this.conditions = table.conditions();
        this.data = table.data();
        this.width = table.width();
        generator = s.net().generator(table.transformer(), conditions.width, rng);
        generatorOptimizer = s.net().optimizer(generator.net.parameters());
        int count = TeacherBlocks.count(table.noisyRows(), s.rowsPerTeacher());
        teachers = new PacCritic[count];
        teacherOptimizers = new Adam[count];
        for (int t = 0; t < count; t++) {
            teachers[t] = discriminator(rng);
            teacherOptimizers[t] = s.net().optimizer(teachers[t].parameters());
        }
        student = discriminator(rng);
        studentOptimizer = s.net().optimizer(student.parameters());
        // disjoint blocks, drawn once, each row to a teacher of its own (smartnoise splits the rows in file order)
        blocks = TeacherBlocks.assign(data.rows, count, rng);
        accountant = pate.accountant(table.priorRho());
        this.voteNoise = voteNoise;
    }

    private PacCritic discriminator(SplittableRandom rng) {
        return settings.net().critic(width + conditions.width, rng.split());
    }

    /**
     * Outer iterations of teacher steps, student steps and one generator step. Votes are asked for while the budget
     * affords a batch of them; after that the teachers rest and the student learns from the marginal rows alone.
     */
    GanModel run(double delta, ArtifactProvenance provenance, ProgressListener progress, SplittableRandom rng) {
        List<double[]> losses = new ArrayList<>();
        boolean voting = pate.affordsBatch(accountant, delta);
        for (int it = 0; it < pate.maxIterations(); it++) {
            for (int k = 0; k < settings.teacherSteps() && voting; k++) {
                for (int t = 0; t < teachers.length; t++) {
                    if (blocks[t].length > 0) { // a teacher without rows stays as it was drawn: its votes read no row
                        teacherStep(t, rng);
                    }
                }
            }
            double studentLoss = 0;
            for (int k = 0; k < settings.studentSteps(); k++) {
                voting = voting && pate.affordsBatch(accountant, delta);
                studentLoss = studentStep(voting, rng);
            }
            double generatorLoss = generator.train(student, 1, conditions, generatorOptimizer, pate.batch(),
                    PateCtganTraining::towardsReal, rng);
            losses.add(new double[] {studentLoss, generatorLoss});
            progress.onProgress("fit", it + 1, pate.maxIterations());
            if (pate.stop().getAsBoolean()) {
                break;
            }
        }
        PrivacyGuarantee privacy = pate.spent(accountant, delta, teachers.length,
                "PATE: Laplace-noised teacher votes, data-independent moments accountant (PATE-CTGAN after smartnoise), "
                        + "with encoders and student rows from noisy marginals (marginal_model) unless data_encoders",
                PateSynthesizer.coverage(table) + " Unlike smartnoise, which checks the budget only between iterations, "
                        + "the budget is never overspent.");
        return table.model(PateCtganSynthesizer.NAME, generator, pate.batch(), losses.toArray(double[][]::new), privacy, provenance);
    }

    /**
     * BCE step of teacher t: rows of its block (with conditions they satisfy) are real, generated rows fake. Its loss is
     * read on real rows without noise, so it is neither returned nor kept in the model.
     */
    private void teacherStep(int t, SplittableRandom rng) {
        int batch = pate.batch();
        int[] rows = new int[batch];
        for (int b = 0; b < batch; b++) {
            rows[b] = blocks[t][rng.nextInt(blocks[t].length)];
        }
        Matrix real = new Matrix(batch, width);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(data.data, rows[b] * width, real.data, b * width, width);
        }
        Matrix realIn = Matrix.concat(real, conditions.matching(data, rows, rng).cond());
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fakeIn = Matrix.concat(generator.generate(draw.cond(), rng, true), draw.cond());
        boolean[] labels = new boolean[2 * batch];
        java.util.Arrays.fill(labels, 0, batch, true);
        crossEntropyStep(teachers[t], teacherOptimizers[t], Matrix.stackRows(realIn, fakeIn), labels, batch);
    }

    /**
     * BCE step of the student: rows drawn from the marginal model are real; generated rows are labelled by the noisy
     * teacher vote while {@code voting} (each batch charged), fake after.
     */
    private double studentStep(boolean voting, SplittableRandom rng) {
        int batch = pate.batch();
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix fakeIn = Matrix.concat(generator.generate(draw.cond(), rng, true), draw.cond());
        Matrix realIn = Matrix.concat(table.marginalRows(draw, rng), draw.cond());
        boolean[] labels = new boolean[2 * batch];
        java.util.Arrays.fill(labels, 0, batch, true);
        if (voting) {
            boolean[] voted = votes(fakeIn);
            System.arraycopy(voted, 0, labels, batch, batch);
        }
        return crossEntropyStep(student, studentOptimizer, Matrix.stackRows(realIn, fakeIn), labels, batch);
    }

    /** The teachers' noisy "real" vote for each generated row; charges the accountant for them. */
    private boolean[] votes(Matrix fakeIn) {
        int batch = fakeIn.rows;
        int[] votes = new int[batch];
        for (PacCritic teacher : teachers) {
            Matrix scores = teacher.forward(fakeIn, false);
            for (int b = 0; b < batch; b++) {
                votes[b] += scores.data[b] > 0 ? 1 : 0;
            }
        }
        boolean[] labels = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = NoisyVote.real(votes[b], teachers.length, pate.lambda(), voteNoise);
        }
        accountant.charge(batch);
        return labels;
    }

    /** Binary cross-entropy on the sigmoid of the scores, averaged per side (real and fake) as the reference does. */
    private static double crossEntropyStep(PacCritic d, Adam optimizer, Matrix in, boolean[] labels, int perSide) {
        optimizer.zeroGrad();
        Matrix scores = d.forward(in, true);
        Matrix g = new Matrix(in.rows, 1);
        double loss = 0;
        for (int r = 0; r < in.rows; r++) {
            double s = scores.data[r];
            double p = 1 / (1 + Math.exp(-s));
            g.data[r] = (p - (labels[r] ? 1 : 0)) / perSide;
            // log(1 + e^{-s}) or log(1 + e^{s}), computed stably
            double z = labels[r] ? -s : s;
            loss += (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / perSide;
        }
        d.backwardToParameters(g);
        optimizer.step();
        return loss;
    }

    /** Generator loss against the student: binary cross-entropy towards "real" on the sigmoid of its scores. */
    private static double towardsReal(Matrix scores, Matrix gradient) {
        int n = scores.rows;
        double loss = 0;
        for (int b = 0; b < n; b++) {
            double s = scores.data[b];
            gradient.data[b] = (1 / (1 + Math.exp(-s)) - 1) / n;
            loss += (Math.max(-s, 0) + Math.log1p(Math.exp(-Math.abs(s)))) / n;
        }
        return loss;
    }
}
