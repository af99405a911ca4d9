package org.pathosynth.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;

/**
 * Quality filters by name ({@code length}, {@code language}, {@code near-duplicate}, {@code round-trip}, ...), from
 * every provider on the class path. Pair filters run first, in the order named; corpus filters after them.
 */
public final class Filters {
    private Filters() {
    }

    /** The chain of the named filters with their default options. */
    public static FilterChain chain(List<String> names, ComponentContext context) {
        return chain(names, Map.of(), context);
    }

    /**
     * @param options per filter name, its options by snake_case name (filters not listed take their defaults)
     * @throws IllegalArgumentException naming the known filters for an unknown name
     */
    public static FilterChain chain(List<String> names, Map<String, Map<String, ?>> options, ComponentContext context) {
        var pair = Components.all(QualityFilterProvider.class);
        var corpus = Components.all(CorpusFilterProvider.class);
        List<QualityFilter> pairFilters = new ArrayList<>();
        List<CorpusFilter> corpusFilters = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            Map<String, ?> o = options.getOrDefault(name, Map.of());
            if (pair.containsKey(name)) {
                pairFilters.add(Components.create(QualityFilterProvider.class, QualityFilter.class, name, o, context));
            } else if (corpus.containsKey(name)) {
                corpusFilters.add(Components.create(CorpusFilterProvider.class, CorpusFilter.class, name, o, context));
            } else {
                throw new IllegalArgumentException("unknown filter '" + name + "'; known: " + String.join(", ", names()));
            }
        }
        return FilterChain.of(pairFilters, corpusFilters);
    }

    public static List<String> names() {
        TreeSet<String> all = new TreeSet<>(Components.all(QualityFilterProvider.class).keySet());
        all.addAll(Components.all(CorpusFilterProvider.class).keySet());
        return List.copyOf(all);
    }
}
