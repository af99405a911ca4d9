package org.pathosynth.extraction.filter;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.filter.QualityFilterProvider;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/** The pair filter {@code round-trip}: {@link RoundTripFilter} with the rule-based extractor for the context's schema. */
public final class RoundTripFilterProvider implements QualityFilterProvider<RoundTripFilterProvider.Options> {

    /** @param minRecovered share of the record's present values the extractor must read back (default 1.0: all) */
    public record Options(Double minRecovered) {
        public Options {
            minRecovered = minRecovered == null ? 1.0 : minRecovered;
            if (!(minRecovered >= 0 && minRecovered <= 1)) {
                throw new IllegalArgumentException("min_recovered must be in [0, 1], got " + minRecovered);
            }
        }
    }

    @Override
    public String name() {
        return RoundTripFilter.NAME;
    }

    @Override
    public String description() {
        return "keeps pairs whose values the rule-based extractor reads back from the report (min_recovered, default 1.0)";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public QualityFilter create(String argument, Options options, ComponentContext context) {
        return RoundTripFilter.of(RuleBasedExtractor.builder().schema(context.schema()).build(), options.minRecovered());
    }
}
