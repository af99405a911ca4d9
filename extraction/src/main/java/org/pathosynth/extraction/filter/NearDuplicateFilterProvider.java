package org.pathosynth.extraction.filter;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.filter.CorpusFilter;
import org.pathosynth.core.filter.CorpusFilterProvider;

/** The corpus filter {@code near-duplicate}: {@link NearDuplicateFilter}. */
public final class NearDuplicateFilterProvider implements CorpusFilterProvider<NearDuplicateFilterProvider.Options> {

    /** @param threshold estimated Jaccard similarity to a kept report from which a report is dropped (default 0.8) */
    public record Options(Double threshold) {
        public Options {
            threshold = threshold == null ? 0.8 : threshold;
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
            }
        }
    }

    @Override
    public String name() {
        return NearDuplicateFilter.NAME;
    }

    @Override
    public String description() {
        return "drops reports that nearly repeat a kept one (MinHash over word 3-shingles, threshold default 0.8)";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public CorpusFilter create(String argument, Options options, ComponentContext context) {
        return NearDuplicateFilter.atSimilarity(options.threshold());
    }
}
