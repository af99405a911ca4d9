package org.pathosynth.llm;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.component.ComponentProvider;
import org.pathosynth.core.component.ProviderGroup;
import org.pathosynth.llm.extraction.LlmExtractorProvider;
import org.pathosynth.llm.generation.LlmGeneratorProvider;
import org.pathosynth.llm.provider.ProviderKind;

/**
 * The LLM components by spec: an extractor and a teacher for every provider family ({@code openai}, {@code ollama},
 * {@code mistral}, {@code anthropic}, {@code gemini}, {@code openai-compatible}, {@code local}), listed in
 * {@code META-INF/services/org.pathosynth.core.component.ProviderGroup}.
 */
public final class LlmComponents implements ProviderGroup {
    @Override
    public List<ComponentProvider<?, ?>> providers() {
        List<ComponentProvider<?, ?>> providers = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            providers.add(new LlmExtractorProvider(kind));
            providers.add(new LlmGeneratorProvider(kind));
        }
        return providers;
    }
}
