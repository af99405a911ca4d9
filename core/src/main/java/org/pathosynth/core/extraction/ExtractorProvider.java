package org.pathosynth.core.extraction;

import org.pathosynth.core.component.ComponentProvider;

/**
 * Names a {@link PathologyExtractor}: {@code rules}, or an LLM spec's provider ({@code ollama} in
 * {@code ollama:mistral}). Listed in {@code META-INF/services/org.pathosynth.core.extraction.ExtractorProvider}.
 */
public interface ExtractorProvider<O extends Record> extends ComponentProvider<PathologyExtractor, O> {
}
