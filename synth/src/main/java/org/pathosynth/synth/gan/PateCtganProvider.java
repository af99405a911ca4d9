package org.pathosynth.synth.gan;

import com.fasterxml.jackson.databind.JsonNode;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.internal.model.ModelJson;

/** {@code patectgan}: PATE-CTGAN as smartnoise-synth implements it, and its saved models. */
public final class PateCtganProvider implements SynthesizerProvider<PateCtganProvider.Options> {
    /**
     * @param epsilon        the ε at which training stops (default 1; the ε spent is what the model states)
     * @param delta          δ of the accountant (default 1/(N·√N) for N training rows)
     * @param trainSeed      seed of the training and of the vote noise (default 0)
     * @param lambda         vote noise: Laplace of scale 1/λ (default 1e-3)
     * @param rowsPerTeacher rows per teacher: ⌊N / rows⌋ + 1 teachers (default 1000)
     * @param maxIterations  cap on outer iterations (default 10000)
     * @param batchSize      rows per step (default 500)
     */
    public record Options(Double epsilon, Double delta, Long trainSeed, Double lambda, Integer rowsPerTeacher, Integer maxIterations,
                          Integer batchSize) {
        public Options {
            epsilon = epsilon == null ? 1.0 : epsilon;
            trainSeed = trainSeed == null ? 0L : trainSeed;
            lambda = lambda == null ? 1e-3 : lambda;
            rowsPerTeacher = rowsPerTeacher == null ? 1000 : rowsPerTeacher;
            maxIterations = maxIterations == null ? 10_000 : maxIterations;
            batchSize = batchSize == null ? 500 : batchSize;
            builder(epsilon, delta, trainSeed, lambda, rowsPerTeacher, maxIterations, batchSize); // checks them now
        }

        PateCtganSynthesizer.Builder builder() {
            return builder(epsilon, delta, trainSeed, lambda, rowsPerTeacher, maxIterations, batchSize);
        }

        private static PateCtganSynthesizer.Builder builder(double epsilon, Double delta, long trainSeed, double lambda, int rowsPerTeacher,
                                                            int maxIterations, int batchSize) {
            PateCtganSynthesizer.Builder b = PateCtganSynthesizer.builder().epsilon(epsilon).seed(trainSeed).lambda(lambda)
                    .rowsPerTeacher(rowsPerTeacher).maxIterations(maxIterations).batchSize(batchSize);
            return delta == null ? b : b.delta(delta);
        }
    }

    @Override
    public String name() {
        return PateCtganSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "PATE-CTGAN (smartnoise-synth): differentially private, trains until epsilon is spent";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public TabularSynthesizer create(String argument, Options options, ComponentContext context) {
        if (argument != null) {
            throw new IllegalArgumentException("synthesizer '" + name() + "' takes no argument, got '" + argument + "'");
        }
        return options.builder().build();
    }

    @Override
    public FittedSynthesizer load(JsonNode model) {
        return GanModelJson.read(ModelJson.check(model, name(), "a PATE-CTGAN"));
    }
}
