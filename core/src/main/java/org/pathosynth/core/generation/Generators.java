package org.pathosynth.core.generation;

import java.util.List;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;

/** Report generators by spec ({@code template}, {@code ollama:mistral}, ...), from every provider on the class path. */
public final class Generators {
    private Generators() {
    }

    public static ReportGenerator create(String spec, Map<String, ?> options, ComponentContext context) {
        return Components.create(GeneratorProvider.class, ReportGenerator.class, spec, options, context);
    }

    public static ReportGenerator create(String spec, ComponentContext context) {
        return create(spec, Map.of(), context);
    }

    public static List<String> names() {
        return List.copyOf(Components.all(GeneratorProvider.class).keySet());
    }
}
