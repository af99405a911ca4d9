package org.pathosynth.cli.run;

import java.util.List;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.filter.LanguageFilter;
import org.pathosynth.extraction.filter.LengthFilter;
import org.pathosynth.extraction.filter.NearDuplicateFilter;
import org.pathosynth.extraction.filter.RoundTripFilter;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

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
        List<QualityFilter> chain = new java.util.ArrayList<>();
        for (String name : names) {
            QualityFilter next = switch (name.strip()) {
                case "length" -> LengthFilter.words(15, 2000);
                case "language" -> LanguageFilter.expecting(language);
                case "near-duplicate" -> NearDuplicateFilter.atSimilarity(0.8);
                case "round-trip" -> RoundTripFilter.of(RuleBasedExtractor.builder().schema(schema).build());
                default -> throw new IllegalArgumentException("unknown filter '" + name + "'; expected " + NAMES);
            };
            chain.add(next);
        }
        return FilterChain.of(chain, List.of());
    }
}
