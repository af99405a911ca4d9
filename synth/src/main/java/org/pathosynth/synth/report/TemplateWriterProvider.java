package org.pathosynth.synth.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;

/** {@code template}: the offline {@link TemplateReportWriter}, in the context's language and for its schema. */
public final class TemplateWriterProvider implements GeneratorProvider<TemplateWriterProvider.Options> {
    /**
     * @param noise       how often reports get typographic accidents, 0 (default) to 1
     * @param styles      the layouts to draw from, by name (default all four: prose, structured, synoptic, sectioned)
     * @param name        the writer's name in provenance (default {@value TemplateReportWriter#NAME}); two writers in one
     *                    ensemble need two names
     * @param vocabulary  {@code extended} (default: the wider
     *                    vocabulary, for training corpora)
     * @param distractors how often each kind of distractor is added to a report, 0 (default) to 1
     * @param distractorKinds the kinds of distractors, by name (default all: history, imaging, identifiers,
     *                    second_focus, pending_test, other_findings)
     * @param onePage     how often a report is a whole printed page, 0 (default) to 1
     * @param spans       whether reports carry the spans of their values (default true)
     */
    public record Options(Double noise, List<String> styles, String name, String vocabulary, Double distractors,
                          List<String> distractorKinds, Double onePage, Boolean spans) {
        public Options {
            noise = noise == null ? 0.0 : ReportNoise.requireRate(noise);
            styles = styles == null ? Arrays.stream(ReportStyle.values()).map(ReportStyle::cliName).toList() : List.copyOf(styles);
            if (styles.isEmpty()) {
                throw new IllegalArgumentException("styles must name at least one style");
            }
            styles.forEach(ReportStyle::parse); // an unknown name is named, with the known ones
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("name cannot be blank");
            }
            vocabulary = vocabulary == null ? "extended" : vocabulary.strip().toLowerCase(Locale.ROOT);
            vocabularyOf(vocabulary);
            distractors = rate("distractors", distractors);
            distractorKinds = distractorKinds == null
                    ? Arrays.stream(Distractor.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList() : List.copyOf(distractorKinds);
            if (distractorKinds.isEmpty()) {
                throw new IllegalArgumentException("distractor_kinds must name at least one kind");
            }
            distractorKinds.forEach(Options::kindOf);
            onePage = rate("one_page", onePage);
            spans = spans == null || spans;
        }

        public List<ReportStyle> reportStyles() {
            return styles.stream().map(ReportStyle::parse).toList();
        }

        public Vocabulary wording() {
            return vocabularyOf(vocabulary);
        }

        public List<Distractor> kinds() {
            return distractorKinds.stream().map(Options::kindOf).toList();
        }

        private static Double rate(String option, Double rate) {
            if (rate == null) {
                return 0.0;
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(option + " must be between 0 and 1, got " + rate);
            }
            return rate;
        }

        private static Vocabulary vocabularyOf(String name) {
            for (Vocabulary v : Vocabulary.values()) {
                if (v.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("vocabulary must be extended or classic, got '" + name + "'");
        }

        private static Distractor kindOf(String name) {
            for (Distractor k : Distractor.values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("distractor_kinds must be among " + Arrays.stream(Distractor.values())
                    .map(k -> k.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + name + "'");
        }
    }

    @Override
    public String name() {
        return TemplateReportWriter.NAME;
    }

    /** It takes its settings as options: {@code template:x} is refused. */
    @Override
    public boolean takesArgument() {
        return false;
    }

    @Override
    public String description() {
        return "offline template writer: French or English reports in four layouts with the spans of their values, optional "
                + "typographic noise, distractors and one-page reports; no LLM";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public ReportGenerator create(String argument, Options options, ComponentContext context) {
        TemplateReportWriter.Builder b = TemplateReportWriter.builder().schema(context.schema()).language(context.language())
                .noise(options.noise()).styles(options.reportStyles()).vocabulary(options.wording()).onePage(options.onePage()).spans(options.spans());
        if (options.distractors() > 0) {
            b.distractors(options.distractors(), options.kinds());
        }
        if (options.name() != null) {
            b.name(options.name());
        }
        return b.build();
    }
}
