package org.pathosynth.cli.run;

import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.Filters;
import org.pathosynth.core.schema.Schema;

/** Quality filters by name, composed in order, as {@code export --filters} and {@code run} name them. */
public final class QualityFilters {
    public static final String NAMES = "length, language, near-duplicate or round-trip";

    private QualityFilters() {
    }

    /**
     * length: 15 to 2,000 words; language: function words of {@code language}; near-duplicate: MinHash over word
     * 3-shingles at 0.8 Jaccard; round-trip: the rule-based extractor must read back every value.
     */
    public static FilterChain chain(List<String> names, Schema schema, String language) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no filter named; expected some of " + NAMES);
        }
        return Filters.chain(names, ComponentContext.of(schema, language)); // pair filters first, then near-duplicate
    }
}
