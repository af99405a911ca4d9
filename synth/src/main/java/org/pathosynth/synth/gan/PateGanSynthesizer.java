package org.pathosynth.synth.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.internal.model.ModelProvenance;
import org.pathosynth.synth.internal.nn.Matrix;

/**
 * PATE-GAN (Jordon et al. 2019) as synthcity implements it: teachers trained on disjoint blocks of the
 * real rows to tell them from generated rows, their Laplace-noised votes labelling generated rows for a
 * WGAN-GP student critic, a moments accountant, and training that stops once ε is spent (checked after
 * each outer iteration, so the final ε can overshoot; the ε actually spent is what the model reports).
 * Defaults are synthcity's: 10 teachers, λ = 1e-3, 10 GAN epochs per outer iteration, at most 200 outer
 * iterations, batch 200, latent and hidden width 500, Adam(1e-3, 0.9, 0.999, L2 1e-3), gradient-norm
 * clipping 1. Differences, on purpose: teachers are {@link org.pathosynth.synth.internal.pate.LogisticRegression}
 * (synthcity's "linear" template) rather than XGBoost; δ defaults to synthcity's 1/(N·√N) but a given δ
 * is honoured; columns are encoded as for CTGAN (missing values are a category or re-inserted at their
 * rate, where synthcity fails on them); real rows are paired with the conditions they were drawn for.
 */
public final class PateGanSynthesizer implements TabularSynthesizer {
    public static final String NAME = "pategan";

    record Settings(double epsilon, double delta, double lambda, int teachers, int maxIterations, int epochsPerIteration, int batch,
                    int latent, int hidden, double learningRate, double weightDecay) {
    }

    private final Settings settings;
    private final long seed;
    private final BooleanSupplier stop;

    private PateGanSynthesizer(Builder b) {
        settings = new Settings(b.epsilon, b.delta, b.lambda, b.teachers, b.maxIterations, b.epochsPerIteration, b.batch, b.latent,
                b.hidden, b.learningRate, b.weightDecay);
        seed = b.seed;
        stop = b.stop;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GanModel fit(Table real) {
        return fit(real, ProgressListener.NONE);
    }

    /** Progress is reported per outer iteration as stage "fit" (out of the iteration cap). */
    @Override
    public GanModel fit(Table real, ProgressListener progress) {
        int n = real.rowCount();
        if (n < 2 * settings.teachers()) {
            throw new IllegalArgumentException("PATE-GAN with " + settings.teachers() + " teachers needs at least "
                    + 2 * settings.teachers() + " rows, got " + n + (n == 0 ? ": the table has no rows" : ""));
        }
        double delta = delta(n);
        SplittableRandom rng = new SplittableRandom(seed);
        DataTransformer transformer = DataTransformer.fit(real, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        ConditionalSampler conditions = ConditionalSampler.of(transformer, data, false);
        PateGanTraining training = new PateGanTraining(settings, transformer, conditions, data, rng.split());
        return training.run(real.schema(), delta, ModelProvenance.ofFit(NAME, parameters(n), real), stop, progress, rng);
    }

    /** δ for {@code n} training rows: as given, or 1/(N·√N). */
    private double delta(int n) {
        return Double.isNaN(settings.delta()) ? 1 / (n * Math.sqrt(n)) : settings.delta();
    }

    /** Every setting, by the option names of {@link PateGanProvider}, δ as used for {@code rows} training rows. */
    Map<String, Object> parameters(int rows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", settings.epsilon());
        p.put("delta", delta(rows));
        p.put("lambda", settings.lambda());
        p.put("teachers", settings.teachers());
        p.put("max_iterations", settings.maxIterations());
        p.put("epochs", settings.epochsPerIteration());
        p.put("batch_size", settings.batch());
        p.put("width", settings.latent()); // latent and hidden width: one number, as in synthcity
        p.put("learning_rate", settings.learningRate());
        p.put("weight_decay", settings.weightDecay());
        p.put("train_seed", seed);
        return p;
    }

    public static final class Builder {
        private double epsilon = 1;
        private double delta = Double.NaN;
        private double lambda = 1e-3;
        private int teachers = 10;
        private int maxIterations = 200;
        private int epochsPerIteration = 10;
        private int batch = 200;
        private int latent = 500;
        private int hidden = 500;
        private double learningRate = 1e-3;
        private double weightDecay = 1e-3;
        private long seed = 0;
        private BooleanSupplier stop = () -> false;

        public Builder epsilon(double epsilon) {
            this.epsilon = PrivacyArguments.epsilon(epsilon);
            return this;
        }

        /** δ of the accountant; default 1/(N·√N) for N training rows. */
        public Builder delta(double delta) {
            this.delta = PrivacyArguments.delta(delta);
            return this;
        }

        /** Vote noise parameter: Laplace noise of scale 1/λ on the teachers' "real" count. */
        public Builder lambda(double lambda) {
            this.lambda = PrivacyArguments.lambda(lambda);
            return this;
        }

        public Builder teachers(int teachers) {
            if (teachers < 1) {
                throw new IllegalArgumentException("teachers must be at least 1, got " + teachers);
            }
            this.teachers = teachers;
            return this;
        }

        /** Cap on outer iterations (teacher refit + GAN epochs), whatever ε is left. */
        public Builder maxIterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + iterations);
            }
            this.maxIterations = iterations;
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

        public Builder batchSize(int batch) {
            if (batch < 2) {
                throw new IllegalArgumentException("batch size must be at least 2, got " + batch);
            }
            this.batch = batch;
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

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Checked after each GAN epoch: returning true ends training with the model as it is and the ε spent so far. */
        public Builder stopWhen(BooleanSupplier stop) {
            this.stop = stop;
            return this;
        }

        public PateGanSynthesizer build() {
            return new PateGanSynthesizer(this);
        }
    }
}
