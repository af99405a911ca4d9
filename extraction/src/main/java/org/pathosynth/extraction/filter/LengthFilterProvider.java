package org.pathosynth.extraction.filter;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.filter.QualityFilterProvider;

/** The pair filter {@code length}: {@link LengthFilter}. */
public final class LengthFilterProvider implements QualityFilterProvider<LengthFilterProvider.Options> {

    /**
     * @param minWords fewest words a report may have (default 15)
     * @param maxWords most words a report may have (default 2,000)
     */
    public record Options(Integer minWords, Integer maxWords) {
        public Options {
            minWords = minWords == null ? 15 : minWords;
            maxWords = maxWords == null ? 2000 : maxWords;
            if (minWords < 0) {
                throw new IllegalArgumentException("min_words must be >= 0, got " + minWords);
            }
            if (maxWords < minWords) {
                throw new IllegalArgumentException("max_words must be >= min_words (" + minWords + "), got " + maxWords);
            }
        }
    }

    @Override
    public String name() {
        return LengthFilter.NAME;
    }

    @Override
    public String description() {
        return "keeps reports of min_words to max_words words (default 15 to 2,000)";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public QualityFilter create(String argument, Options options, ComponentContext context) {
        return LengthFilter.words(options.minWords(), options.maxWords());
    }
}
