package org.pathosynth.synth.gan;

import java.util.List;

/** {@code ctgan}, with the reference's defaults, and its saved models. */
public final class CtganProvider extends GanProvider<CtganProvider.Options> {
    /**
     * @param epochs        training epochs (default: 300, or more on a table too small for 1,200 steps)
     * @param minSteps      when epochs are not set, the fewest optimizer steps (default 1,200; 0 for the reference's
     *                      300 epochs on every table)
     * @param trainSeed     seed of the training (default 0)
     * @param batchSize     rows per step, a multiple of pac (default 500)
     * @param pac           rows the critic judges together (default 10)
     * @param embedding     latent width (default 128)
     * @param generatorDims the generator's residual layer widths (default 256, 256)
     * @param criticDims    the critic's layer widths (default 256, 256)
     * @param learningRate  Adam's learning rate (default 2e-4)
     * @param sampleByFrequency draw the sampling conditions by the categories' frequencies instead of the reference's
     *                      log-frequencies, which training keeps (default: see {@link CtganSynthesizer.Builder#sampleByFrequency})
     */
    public record Options(Integer epochs, Integer minSteps, Long trainSeed, Integer batchSize, Integer pac, Integer embedding,
                          List<Integer> generatorDims, List<Integer> criticDims, Double learningRate,
                          Boolean sampleByFrequency) {
        public Options {
            if (epochs != null && minSteps != null) {
                throw new IllegalArgumentException("option 'min_steps' cannot be set with epochs: epochs trains exactly that many, min_steps sets the fewest steps when the epochs are not set");
            }
            minSteps = minSteps == null ? CtganSynthesizer.Builder.MIN_STEPS : minSteps;
            trainSeed = trainSeed == null ? 0L : trainSeed;
            batchSize = batchSize == null ? 500 : batchSize;
            pac = pac == null ? 10 : pac;
            embedding = embedding == null ? 128 : embedding;
            generatorDims = generatorDims == null ? List.of(256, 256) : List.copyOf(generatorDims);
            criticDims = criticDims == null ? List.of(256, 256) : List.copyOf(criticDims);
            learningRate = learningRate == null ? 2e-4 : learningRate;
            sampleByFrequency = sampleByFrequency == null ? CtganSynthesizer.Builder.SAMPLE_BY_FREQUENCY : sampleByFrequency;
            builder(epochs, minSteps, trainSeed, batchSize, pac, embedding, generatorDims, criticDims, learningRate, sampleByFrequency)
                    .build(); // checks them now
        }

        CtganSynthesizer.Builder builder() {
            return builder(epochs, minSteps, trainSeed, batchSize, pac, embedding, generatorDims, criticDims, learningRate, sampleByFrequency);
        }

        private static CtganSynthesizer.Builder builder(Integer epochs, int minSteps, long trainSeed, int batchSize, int pac,
                                                        int embedding, List<Integer> generatorDims, List<Integer> criticDims,
                                                        double learningRate, boolean sampleByFrequency) {
            CtganSynthesizer.Builder b = CtganSynthesizer.builder().minSteps(minSteps).seed(trainSeed).batchSize(batchSize)
                    .pac(pac).embedding(embedding).generatorDims(ints(generatorDims)).criticDims(ints(criticDims))
                    .learningRate(learningRate).sampleByFrequency(sampleByFrequency);
            return epochs != null ? b.epochs(epochs) : b;
        }
    }

    public CtganProvider() {
        super(CtganSynthesizer.NAME, "CTGAN in pure Java, reference defaults (300 epochs, at least 1,200 steps on small tables, batch 500, pac 10); no privacy",
                "a CTGAN", Options.class, options -> options.builder().build());
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
