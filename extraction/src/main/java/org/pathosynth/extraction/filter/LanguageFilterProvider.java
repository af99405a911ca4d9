package org.pathosynth.extraction.filter;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.filter.QualityFilterProvider;

/** The pair filter {@code language}: {@link LanguageFilter}, expecting the context's language. */
public final class LanguageFilterProvider implements QualityFilterProvider<LanguageFilterProvider.Options> {

    /** No options: the expected language is the run's. */
    public record Options() {
    }

    @Override
    public String name() {
        return LanguageFilter.NAME;
    }

    @Override
    public String description() {
        return "keeps reports written in the run's language (fr or en), told by their function words";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public QualityFilter create(String argument, Options options, ComponentContext context) {
        return LanguageFilter.expecting(context.language());
    }
}
