package org.pathosynth.synth.gan;

import java.util.Arrays;
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
 * PATE-CTGAN as smartnoise-synth implements it (the synthesizer the paper's authors chose): CTGAN's
 * column encoding, conditional generator and training-by-sampling; discriminators with a sigmoid output
 * trained by binary cross-entropy; ⌊N / 1000⌋ + 1 teachers on disjoint blocks of the real rows; a
 * student trained only on generated rows labelled by the teachers' Laplace-noised votes; the generator
 * trained against the student. Each outer iteration is 5 teacher steps per teacher, 5 student steps and
 * one generator step; ε is checked before each iteration, so the last one can overshoot (the ε actually
 * spent is what the model reports). Every labelled row is charged PATE's data-independent bound, as in
 * smartnoise. Defaults: λ (noise multiplier) 1e-3, δ = 1/(N·√N), batch 500. One deliberate difference:
 * smartnoise's teachers and student are, by an aliasing slip, the same network, so its "votes" are
 * unanimous; here every teacher and the student are separate networks.
 */
public final class PateCtganSynthesizer implements TabularSynthesizer {
    public static final String NAME = "patectgan";

    record Settings(double epsilon, double delta, double lambda, int rowsPerTeacher, int teacherSteps, int studentSteps,
                    int maxIterations, int batch, int embedding, int[] generatorDims, int[] criticDims, double learningRate,
                    double weightDecay) {
    }

    private final Settings settings;
    private final long seed;
    private final BooleanSupplier stop;

    private PateCtganSynthesizer(Builder b) {
        settings = new Settings(b.epsilon, b.delta, b.lambda, b.rowsPerTeacher, 5, 5, b.maxIterations, b.batch, 128,
                new int[] {256, 256}, new int[] {256, 256}, 2e-4, 1e-6);
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
        if (n < 2) {
            throw new IllegalArgumentException("PATE-CTGAN needs at least 2 rows, got " + n + (n == 0 ? ": the table has no rows" : ""));
        }
        double delta = delta(n);
        SplittableRandom rng = new SplittableRandom(seed);
        DataTransformer transformer = DataTransformer.fit(real, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        ConditionalSampler conditions = ConditionalSampler.of(transformer, data);
        PateCtganTraining training = new PateCtganTraining(settings, transformer, conditions, data, rng.split());
        return training.run(real.schema(), delta, ModelProvenance.ofFit(NAME, parameters(n), real), stop, progress, rng);
    }

    /** δ for {@code n} training rows: as given, or 1/(N·√N). */
    private double delta(int n) {
        return Double.isNaN(settings.delta()) ? 1 / (n * Math.sqrt(n)) : settings.delta();
    }

    /** Every setting, by the option names of {@link PateCtganProvider} (and the fixed ones), δ as used for {@code rows} training rows. */
    Map<String, Object> parameters(int rows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", settings.epsilon());
        p.put("delta", delta(rows));
        p.put("lambda", settings.lambda());
        p.put("rows_per_teacher", settings.rowsPerTeacher());
        p.put("teacher_steps", settings.teacherSteps());
        p.put("student_steps", settings.studentSteps());
        p.put("max_iterations", settings.maxIterations());
        p.put("batch_size", settings.batch());
        p.put("embedding", settings.embedding());
        p.put("generator_dims", Arrays.stream(settings.generatorDims()).boxed().toList());
        p.put("critic_dims", Arrays.stream(settings.criticDims()).boxed().toList());
        p.put("learning_rate", settings.learningRate());
        p.put("weight_decay", settings.weightDecay());
        p.put("train_seed", seed);
        return p;
    }

    public static final class Builder {
        private double epsilon = 1;
        private double delta = Double.NaN;
        private double lambda = 1e-3;
        private int rowsPerTeacher = 1000;
        private int maxIterations = 10_000;
        private int batch = 500;
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

        /** Vote noise parameter (smartnoise's noise_multiplier): Laplace noise of scale 1/λ. */
        public Builder lambda(double lambda) {
            this.lambda = PrivacyArguments.lambda(lambda);
            return this;
        }

        /** Rows per teacher: there are ⌊N / rows⌋ + 1 teachers (smartnoise's sample_per_teacher). */
        public Builder rowsPerTeacher(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("rowsPerTeacher must be at least 1, got " + rows);
            }
            this.rowsPerTeacher = rows;
            return this;
        }

        /** Cap on outer iterations, whatever ε is left (the reference has none). */
        public Builder maxIterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + iterations);
            }
            this.maxIterations = iterations;
            return this;
        }

        public Builder batchSize(int batch) {
            if (batch < 2) {
                throw new IllegalArgumentException("batch size must be at least 2, got " + batch);
            }
            this.batch = batch;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Checked after each outer iteration: returning true ends training with the ε spent so far. */
        public Builder stopWhen(BooleanSupplier stop) {
            this.stop = stop;
            return this;
        }

        public PateCtganSynthesizer build() {
            return new PateCtganSynthesizer(this);
        }
    }
}
