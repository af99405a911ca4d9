package org.pathosynth.core.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds providers with {@link ServiceLoader}, from PathoSynth's own class loader and the thread's context class
 * loader (notebook kernels and application servers load jars there), by the name users write: providers listed one by
 * one under their kind's interface, and those of every {@link ProviderGroup}.
 */
public final class Components {
    private Components() {
    }

    /** Every provider of a kind, by name, in a stable order (by name). A name given twice is an error naming both. */
    public static <P extends ComponentProvider<?, ?>> Map<String, P> all(Class<P> kind) {
        Map<String, P> byName = new LinkedHashMap<>();
        List<P> found = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            ServiceLoader.load(kind, loader).forEach(found::add);
            for (ProviderGroup group : ServiceLoader.load(ProviderGroup.class, loader)) {
                group.providers().stream().filter(kind::isInstance).map(kind::cast).forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(ComponentProvider::name));
        for (P p : found) {
            P earlier = byName.putIfAbsent(p.name(), p);
            if (earlier != null && earlier.getClass() != p.getClass()) {
                throw new IllegalStateException("two " + kindName(kind) + " providers are named '" + p.name() + "': "
                        + earlier.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return byName;
    }

    /** PathoSynth's own class loader, then the thread's context class loader when it is another one. */
    private static List<ClassLoader> loaders() {
        ClassLoader own = Components.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null && context != own ? List.of(own, context) : List.of(own);
    }

    /**
     * The provider named {@code name}.
     *
     * @throws IllegalArgumentException naming the known ones when there is none
     */
    public static <P extends ComponentProvider<?, ?>> P find(Class<P> kind, String name) {
        Map<String, P> all = all(kind);
        P p = all.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown " + kindName(kind) + " '" + name + "'; known: " + String.join(", ", all.keySet())
                    + " (a component from another artifact needs that artifact on the class path)");
        }
        return p;
    }

    /** The option names (snake_case) of the provider a spec names: to pass a component only the options it has. */
    public static <P extends ComponentProvider<?, ?>> java.util.List<String> optionNames(Class<P> kind, String spec) {
        return ComponentOptions.names(find(kind, ComponentSpec.parse(spec).name()).optionsType());
    }

    /** Parses {@code spec}, binds {@code options} to the provider's options record and builds the component. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static <T> T create(Class<? extends ComponentProvider> kind, Class<T> type, String spec, Map<String, ?> options,
                               ComponentContext context) {
        ComponentSpec s = ComponentSpec.parse(spec);
        ComponentProvider provider = find((Class) kind, s.name());
        return type.cast(build(kindName(kind), provider, s.argument(), options, context));
    }

    private static <T, O extends Record> T build(String kindName, ComponentProvider<T, O> provider, String argument,
                                                 Map<String, ?> options, ComponentContext context) {
        if (argument != null && !provider.takesArgument()) {
            throw new IllegalArgumentException(kindName + " '" + provider.name() + "' takes no argument, got '" + argument
                    + "'; set its options instead");
        }
        O bound = ComponentOptions.bind(kindName + " '" + provider.name() + "'", provider.optionsType(), options);
        return provider.create(argument, bound, context);
    }

    /** How messages name a kind of component: the provider interface's simple name without "Provider", in words. */
    static String kindName(Class<?> kind) {
        return switch (kind.getSimpleName()) {
            case "SynthesizerProvider" -> "synthesizer";
            case "GeneratorProvider" -> "report generator";
            case "QualityFilterProvider", "CorpusFilterProvider" -> "filter";
            case "ExtractorProvider" -> "extractor";
            default -> "component";
        };
    }
}
