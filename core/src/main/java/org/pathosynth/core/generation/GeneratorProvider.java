package org.pathosynth.core.generation;

import org.pathosynth.core.component.ComponentProvider;

/**
 * Names a {@link ReportGenerator} ("teacher"): {@code template}, or an LLM spec's provider ({@code ollama} in
 * {@code ollama:mistral}). Listed in {@code META-INF/services/org.pathosynth.core.generation.GeneratorProvider}.
 */
public interface GeneratorProvider<O extends Record> extends ComponentProvider<ReportGenerator, O> {
}
