package org.pathosynth.synth.gan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.internal.model.ModelJson;

/** {@code ctgan}, with the reference's defaults, and its saved models. */
public final class CtganProvider implements SynthesizerProvider<CtganProvider.Options> {
    /**
     * @param epochs        training epochs (default 300)
     * @param trainSeed     seed of the training (default 0)
     * @param batchSize     rows per step, a multiple of pac (default 500)
     * @param pac           rows the critic judges together (default 10)
     * @param embedding     latent width (default 128)
     * @param generatorDims the generator's residual layer widths (default 256, 256)
     * @param criticDims    the critic's layer widths (default 256, 256)
     * @param learningRate  Adam's learning rate (default 2e-4)
     */
    public record Options(Integer epochs, Long trainSeed, Integer batchSize, Integer pac, Integer embedding,
                          List<Integer> generatorDims, List<Integer> criticDims, Double learningRate) {
        public Options {
            epochs = epochs == null ? 300 : epochs;
            trainSeed = trainSeed == null ? 0L : trainSeed;
            batchSize = batchSize == null ? 500 : batchSize;
            pac = pac == null ? 10 : pac;
            embedding = embedding == null ? 128 : embedding;
            generatorDims = generatorDims == null ? List.of(256, 256) : List.copyOf(generatorDims);
            criticDims = criticDims == null ? List.of(256, 256) : List.copyOf(criticDims);
            learningRate = learningRate == null ? 2e-4 : learningRate;
            builder(epochs, trainSeed, batchSize, pac, embedding, generatorDims, criticDims, learningRate).build(); // checks them now
        }

        CtganSynthesizer.Builder builder() {
            return builder(epochs, trainSeed, batchSize, pac, embedding, generatorDims, criticDims, learningRate);
        }

        private static CtganSynthesizer.Builder builder(int epochs, long trainSeed, int batchSize, int pac, int embedding,
                                                        List<Integer> generatorDims, List<Integer> criticDims, double learningRate) {
            return CtganSynthesizer.builder().epochs(epochs).seed(trainSeed).batchSize(batchSize).pac(pac).embedding(embedding)
                    .generatorDims(ints(generatorDims)).criticDims(ints(criticDims)).learningRate(learningRate);
        }
    }

    @Override
    public String name() {
        return CtganSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "CTGAN in pure Java, reference defaults (300 epochs, batch 500, pac 10); no privacy";
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
        return GanModelJson.read(ModelJson.check(model, name(), "a CTGAN"));
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
