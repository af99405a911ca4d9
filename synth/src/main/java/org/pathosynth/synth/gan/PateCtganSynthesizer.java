package org.pathosynth.synth.gan;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.provenance.ArtifactProvenance;

/**
 * PATE-CTGAN as smartnoise-synth implements it (the synthesizer the paper's authors chose): CTGAN's
 * column encoding, conditional generator and training-by-sampling; discriminators with a sigmoid output
 * trained by binary cross-entropy; ⌊N̂ / 1000⌋ + 1 teachers (N̂ the noisy number of rows) on disjoint
 * blocks of the real rows, each row given to a teacher at random on its own (not smartnoise's file-order
 * split: so that adding a row changes one block only, as the votes' bound assumes); a
 * student that never sees a real row: generated rows labelled by the teachers' Laplace-noised votes, and
 * rows drawn from the marginal model labelled real; the generator trained against the student. Each
 * outer iteration is 5 teacher steps per teacher, 5 student steps and one generator step. Every labelled
 * row is charged PATE's data-independent bound, as in smartnoise, but the budget is checked before each
 * student batch (smartnoise checks it before each iteration, so its last one overshoots): the ε spent never
 * exceeds the ε asked. Once the budget affords no more votes, the teachers rest and training goes on with
 * the marginal rows alone. By default the encoders, the conditions and the marginal rows come from a
 * differentially private MST model of the 1- and 2-way marginals that 0.9 of the budget's ρ pays for (0.7 or
 * half where the votes could not pay for a batch after 0.9)
 * ({@link PateBuilder#marginalModel}, {@link PateBuilder#dataEncoders}): its rows keep the dependence it
 * measured, so the generator learns it even after the votes stop. Defaults: λ (noise multiplier) 1e-3,
 * δ = 1/(N·√N), batch 500. One deliberate difference:
 * smartnoise's teachers and student are, by an aliasing slip, the same network, so its "votes" are
 * unanimous; here every teacher and the student are separate networks.
 */
public final class PateCtganSynthesizer extends PateSynthesizer {
    public static final String NAME = "patectgan";

    /** The settings of its own, beside the ones both PATE synthesizers share (all but rows per teacher are fixed). */
    record Settings(int rowsPerTeacher, int teacherSteps, int studentSteps, CtganArchitecture net) {
    }

    private final Settings settings;

    private PateCtganSynthesizer(Builder b) {
        super(NAME, b.settings());
        settings = new Settings(b.rowsPerTeacher, 5, 5, CtganArchitecture.reference());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    int minRows() {
        return 2;
    }

    @Override
    String who() {
        return "PATE-CTGAN";
    }

    @Override
    boolean logFrequency() {
        return true;
    }

    @Override
    GanModel train(EncodedTable table, double delta, RandomGenerator noise, ArtifactProvenance provenance,
                   ProgressListener progress, SplittableRandom rng) {
        return new PateCtganTraining(pate, settings, table, noise, rng.split()).run(delta, provenance, progress, rng);
    }

    @Override
    void putSettings(Map<String, Object> p) {
        p.put("rows_per_teacher", settings.rowsPerTeacher());
        p.put("teacher_steps", settings.teacherSteps());
        p.put("student_steps", settings.studentSteps());
        p.put("max_iterations", pate.maxIterations());
        p.put("batch_size", pate.batch());
        settings.net().putParameters(p);
    }

    /**
     * Defaults are smartnoise's (ε 1, λ 1e-3, 1,000 rows per teacher, batch 500) but for the training length: 1,000
     * outer iterations, since training goes on after the votes are spent, against the MST model's rows (on METABRIC at
     * ε 1, tuning seed 101: 0.863 overall accuracy after 300, 0.891 after 1,000, 0.898 after 2,000 in twice the time;
     * with one-way marginals, 0.853 after 300 or 1,000). The MST model takes 0.9 of the budget's ρ, or 0.7, or half:
     * the first that leaves the votes a batch (0.9 from ε ≈ 0.5 on these tables, 0.7 from ε ≈ 0.3). At λ 1e-3 a vote
     * carries little (noise of scale 1,000 against at most a few teachers), and the student learns mostly from the
     * model's rows: at ε 1, tuning seeds 101 to 105, 0.9 gave 0.862, 0.856 and 0.888 overall accuracy on TCGA-BRCA,
     * GBSG and METABRIC, against 0.856, 0.841 and 0.889 with half.
     */
    public static final class Builder extends PateBuilder<Builder> {
        private int rowsPerTeacher = 1000;

        public Builder() {
            super(1000, 500, 0.9, 0.7, 0.5);
        }

        /** Rows per teacher: there are ⌊N / rows⌋ + 1 teachers (smartnoise's sample_per_teacher). */
        public Builder rowsPerTeacher(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("rowsPerTeacher must be at least 1, got " + rows);
            }
            this.rowsPerTeacher = rows;
            return this;
        }

        public PateCtganSynthesizer build() {
            return new PateCtganSynthesizer(this);
        }
    }
}
