package org.pathosynth.core.extraction;

import java.util.List;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;

/** Extractors by spec ({@code rules}, {@code ollama:mistral}, ...), from every provider on the class path. */
public final class Extractors {
    private Extractors() {
    }

    public static PathologyExtractor create(String spec, Map<String, ?> options, ComponentContext context) {
        return Components.create(ExtractorProvider.class, PathologyExtractor.class, spec, options, context);
    }

    public static PathologyExtractor create(String spec, ComponentContext context) {
        return create(spec, Map.of(), context);
    }

    public static List<String> names() {
        return List.copyOf(Components.all(ExtractorProvider.class).keySet());
    }
}
