package org.pathosynth.extraction.rules;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.PathologyExtractor;

/** The extractor {@code rules}: {@link RuleBasedExtractor} for the context's schema. */
public final class RulesExtractorProvider implements ExtractorProvider<RulesExtractorProvider.Options> {

    /**
     * Percentages from which a receptor stated only as a percentage counts as positive.
     *
     * @param frenchReceptorThreshold for French reports (default 10, French practice)
     * @param englishReceptorThreshold for English reports (default 1, ASCO/CAP)
     */
    public record Options(Double frenchReceptorThreshold, Double englishReceptorThreshold) {
        public Options {
            frenchReceptorThreshold = frenchReceptorThreshold == null ? 10.0 : frenchReceptorThreshold;
            englishReceptorThreshold = englishReceptorThreshold == null ? 1.0 : englishReceptorThreshold;
            if (!(frenchReceptorThreshold >= 0 && frenchReceptorThreshold <= 100)) {
                throw new IllegalArgumentException("french_receptor_threshold must be a percentage in [0, 100], got " + frenchReceptorThreshold);
            }
            if (!(englishReceptorThreshold >= 0 && englishReceptorThreshold <= 100)) {
                throw new IllegalArgumentException("english_receptor_threshold must be a percentage in [0, 100], got " + englishReceptorThreshold);
            }
        }
    }

    @Override
    public String name() {
        return RuleBasedExtractor.NAME;
    }

    /** It takes its settings as options: {@code rules:x} is refused. */
    @Override
    public boolean takesArgument() {
        return false;
    }

    @Override
    public String description() {
        return "reads French and English reports with rules, no LLM";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public PathologyExtractor create(String argument, Options options, ComponentContext context) {
        return RuleBasedExtractor.builder().schema(context.schema())
                .receptorThresholds(options.frenchReceptorThreshold(), options.englishReceptorThreshold()).build();
    }
}
