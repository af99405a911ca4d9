package org.pathosynth.synth.gan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.internal.model.ModelJson;

/**
 * What the three GAN providers share: each is a name, a description and an options record that builds its
 * synthesizer, and all three models are saved and read by {@link GanModelJson}.
 *
 * @param <O> the provider's options
 */
abstract class GanProvider<O extends Record> implements SynthesizerProvider<O> {
    private final String name;
    private final String description;
    private final String modelDescription;
    private final Class<O> optionsType;
    private final Function<O, TabularSynthesizer> build;

    /** @param modelDescription how messages name a model of it, e.g. "a CTGAN" */
    GanProvider(String name, String description, String modelDescription, Class<O> optionsType, Function<O, TabularSynthesizer> build) {
        this.name = name;
        this.description = description;
        this.modelDescription = modelDescription;
        this.optionsType = optionsType;
        this.build = build;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<O> optionsType() {
        return optionsType;
    }

    @Override
    public final TabularSynthesizer create(String argument, O options, ComponentContext context) {
        return build.apply(options);
    }

    @Override
    public final FittedSynthesizer load(JsonNode model) {
        return GanModelJson.read(ModelJson.check(model, name, modelDescription));
    }
}
