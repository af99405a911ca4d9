package org.pathosynth.core.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import org.pathosynth.core.component.ComponentProvider;

/**
 * Names a {@link TabularSynthesizer} (e.g. {@code "mst"}) and loads the models it saves. Listed in
 * {@code META-INF/services/org.pathosynth.core.synthesis.SynthesizerProvider}.
 */
public interface SynthesizerProvider<O extends Record> extends ComponentProvider<TabularSynthesizer, O> {
    /**
     * Loads a model this synthesizer saved ({@link FittedSynthesizer#toJson()}); its {@code "synthesizer"} field is
     * this provider's name.
     *
     * @throws IllegalArgumentException when the document is malformed
     * @throws UnsupportedOperationException when this synthesizer's models cannot be saved
     */
    default FittedSynthesizer load(JsonNode model) {
        throw new UnsupportedOperationException(name() + " models cannot be saved or loaded");
    }

    /** Synthesizers take their settings as options, never as a spec argument ({@code name:argument} is refused). */
    @Override
    default boolean takesArgument() {
        return false;
    }
}
