package org.pathosynth.llm.provider;

import java.time.Duration;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.ComponentProvider;

/**
 * A component on one provider family, named by the family's spec prefix ({@code ollama} in {@code ollama:mistral}) and
 * connected to the model the spec's argument names, with the context's {@link ProviderSettings} (else the environment's).
 *
 * @param <T> what it builds
 * @param <O> its options
 */
public abstract class LlmComponentProvider<T, O extends Record> implements ComponentProvider<T, O> {
    private final ProviderKind kind;
    private final String component;
    private final Class<O> optionsType;

    /** @param component what it builds, for its description: "LLM extractor" */
    protected LlmComponentProvider(ProviderKind kind, String component, Class<O> optionsType) {
        this.kind = kind;
        this.component = component;
        this.optionsType = optionsType;
    }

    @Override
    public final String name() {
        return kind.prefix();
    }

    @Override
    public final String description() {
        return component + " on " + kind.description();
    }

    @Override
    public final Class<O> optionsType() {
        return optionsType;
    }

    /** The endpoint of the model {@code argument} names, its calls timing out after {@code timeoutSeconds}. */
    protected final LlmEndpoint connect(String argument, int timeoutSeconds, ComponentContext context) {
        ProviderSettings settings = ProviderSettings.from(context).withTimeout(Duration.ofSeconds(timeoutSeconds));
        return Providers.connect(ModelSpec.of(kind, argument), settings);
    }
}
