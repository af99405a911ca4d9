package org.pathosynth.synth.gan;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.provenance.ArtifactProvenance;

/**
 * PATE-GAN (Jordon et al. 2019) after synthcity: teachers trained on disjoint blocks of the real rows (each row
 * given to a teacher at random on its own, drawn again every outer iteration) to
 * tell them from generated rows, their Laplace-noised votes labelling generated rows for a WGAN-GP student
 * critic, a moments accountant, and votes that stop before the batch that would spend more than ε
 * (synthcity checks after each outer iteration and does not charge batches voted mostly real, so its ε
 * overshoots; here every batch is charged and the ε spent never exceeds the ε asked). The student critic
 * never sees a real row: its positives are rows drawn from the marginal model (by default an MST model of the
 * 1- and 2-way marginals that 0.8 of the budget's ρ pays for, or half where 0.8 would leave the votes unable to pay
 * for one batch) and generated rows voted
 * real (synthcity trains it on the real rows, so its guarantee does not hold). Training goes on after the
 * votes are spent. 10 teachers, λ = 1e-3, 10 GAN epochs per outer iteration of at least 10 steps each, 40 outer
 * iterations, batch 200, latent and hidden width 256, Adam(1e-3, 0.9, 0.999, L2 1e-3), gradient-norm clipping 1. Differences, on purpose: teachers are {@link org.pathosynth.synth.internal.pate.LogisticRegression}
 * (synthcity's "linear" template) rather than XGBoost; δ defaults to synthcity's 1/(N·√N) but a given δ
 * is honoured; columns are encoded as for CTGAN (missing values are a category or re-inserted at their
 * rate, where synthcity fails on them); real rows are paired with the conditions they were drawn for.
 */
public final class PateGanSynthesizer extends PateSynthesizer {
    public static final String NAME = "pategan";

    /** The settings of its own, beside the ones both PATE synthesizers share. */
    record Settings(int teachers, int epochsPerIteration, int latent, int hidden, double learningRate, double weightDecay) {
    }

    private final Settings settings;

    private PateGanSynthesizer(Builder b) {
        super(NAME, b.settings());
        settings = new Settings(b.teachers, b.epochsPerIteration, b.latent, b.hidden, b.learningRate, b.weightDecay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    int minRows() {
        return 2 * settings.teachers();
    }

    @Override
    String who() {
        return "PATE-GAN with " + settings.teachers() + " teachers";
    }

    @Override
    boolean logFrequency() {
        return false;
    }

    @Override
    GanModel train(EncodedTable table, double delta, RandomGenerator noise, ArtifactProvenance provenance,
                   ProgressListener progress, SplittableRandom rng) {
        return new PateGanTraining(pate, settings, table, noise, rng.split()).run(delta, provenance, progress, rng);
    }

    @Override
    void putSettings(Map<String, Object> p) {
        p.put("teachers", settings.teachers());
        p.put("max_iterations", pate.maxIterations());
        p.put("epochs", settings.epochsPerIteration());
        p.put("batch_size", pate.batch());
        p.put("width", settings.latent()); // latent and hidden width: one number, as in synthcity
        p.put("learning_rate", settings.learningRate());
        p.put("weight_decay", settings.weightDecay());
    }

    /**
     * Defaults are synthcity's (ε 1, λ 1e-3, 10 teachers, 10 GAN epochs per outer iteration, batch 200) but for the
     * training length and width: 40 outer iterations of width 256, since training goes on after the votes are spent,
     * against the MST model's rows (on METABRIC at ε 1, tuning seed 101: 0.870 overall accuracy after 15 iterations,
     * 0.898 after 40; with one-way marginals 0.859 after 15; synthcity's width 500 costs four times as much per step),
     * and an epoch is never shorter than 10 steps ({@link PateGanTraining#stepsPerEpoch}). The MST model takes 0.8 of
     * the budget's ρ, not half: on TCGA-BRCA at ε 1, tuning seeds 101 to 105, 0.861 overall accuracy against 0.856
     * with half, both after 4,000 generator steps (0.845 with half and synthcity's 1,600).
     */
    public static final class Builder extends PateBuilder<Builder> {
        private int teachers = 10;
        private int epochsPerIteration = 10;
        private int latent = 256;
        private int hidden = 256;
        private final double learningRate = 1e-3;
        private final double weightDecay = 1e-3;

        public Builder() {
            super(40, 200, 0.8, 0.5);
        }

        public Builder teachers(int teachers) {
            if (teachers < 1) {
                throw new IllegalArgumentException("teachers must be at least 1, got " + teachers);
            }
            this.teachers = teachers;
            return this;
        }

        /** GAN epochs per outer iteration (synthcity's generator_n_iter). */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochsPerIteration = epochs;
            return this;
        }

        /** Latent and hidden width (synthcity uses one number for both). */
        public Builder width(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be at least 1, got " + width);
            }
            this.latent = width;
            this.hidden = width;
            return this;
        }

        public PateGanSynthesizer build() {
            return new PateGanSynthesizer(this);
        }
    }
}
