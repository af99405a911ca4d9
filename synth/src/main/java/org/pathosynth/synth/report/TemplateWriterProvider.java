package org.pathosynth.synth.report;

import java.util.Arrays;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;

/** {@code template}: the offline {@link TemplateReportWriter}, in the context's language and for its schema. */
public final class TemplateWriterProvider implements GeneratorProvider<TemplateWriterProvider.Options> {
    /**
     * @param noise  how often reports get typographic accidents, 0 (default) to 1
     * @param styles the layouts to draw from, by name (default all four: prose, structured, synoptic, sectioned)
     * @param name   the writer's name in provenance (default {@value TemplateReportWriter#NAME}); two writers in one
     *               ensemble need two names
     */
    public record Options(Double noise, List<String> styles, String name) {
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
        }

        public List<ReportStyle> reportStyles() {
            return styles.stream().map(ReportStyle::parse).toList();
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
        return "offline template writer: French or English reports in four layouts, optional typographic noise; no LLM";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public ReportGenerator create(String argument, Options options, ComponentContext context) {
        TemplateReportWriter.Builder b = TemplateReportWriter.builder().schema(context.schema()).language(context.language())
                .noise(options.noise()).styles(options.reportStyles());
        if (options.name() != null) {
            b.name(options.name());
        }
        return b.build();
    }
}
