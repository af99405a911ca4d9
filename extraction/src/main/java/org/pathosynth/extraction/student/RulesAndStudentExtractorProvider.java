package org.pathosynth.extraction.student;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/** The extractor {@code rules+student:model.bin}: {@link RulesAndStudentExtractor}. */
public final class RulesAndStudentExtractorProvider implements ExtractorProvider<RulesAndStudentExtractorProvider.Options> {
    /** @param minConfidence the student's calibrated confidence from which it fills what the rules left (default 0.8) */
    public record Options(Double minConfidence) {
        public Options {
            minConfidence = minConfidence == null ? 0.8 : minConfidence;
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("min_confidence must be in [0, 1], got " + minConfidence);
            }
        }
    }

    @Override
    public String name() {
        return RulesAndStudentExtractor.NAME;
    }

    @Override
    public String description() {
        return "rules first, a student (rules+student:model.bin) where the rules read nothing";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public PathologyExtractor create(String argument, Options options, ComponentContext context) {
        StudentModel model = StudentExtractorProvider.load(argument, RulesAndStudentExtractor.NAME, context);
        return new RulesAndStudentExtractor(RuleBasedExtractor.builder().schema(model.schema()).build(), StudentExtractor.of(model),
                options.minConfidence());
    }
}
