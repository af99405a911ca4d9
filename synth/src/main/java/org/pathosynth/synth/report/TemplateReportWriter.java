package org.pathosynth.synth.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * An offline report writer: turns a record into a plausible French or English pathology report in one of several
 * layouts ({@link ReportStyle}), with wording varied by the request's seed and, optionally, typographic noise. Every
 * present value is stated; missing values are simply not mentioned. Attributes the templates do not know are written
 * as "label : value" with the schema's labels, so any schema works.
 */
public final class TemplateReportWriter implements ReportGenerator {
    public static final String NAME = "template";
    static final String TEMPLATE_VERSION = "2";

    private final Schema schema;
    private final TemplateSet templates;
    private final List<ReportStyle> styles;
    private final Map<ReportStyle, ReportLayout> layouts = new EnumMap<>(ReportStyle.class);
    private final ReportNoise noise;
    private final double noiseRate;
    private final String name;

    private TemplateReportWriter(Builder b) {
        this.name = b.name;
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.templates = TemplateSet.load(b.language);
        this.styles = List.copyOf(b.styles);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one report style is needed");
        }
        this.noiseRate = b.noise;
        this.noise = new ReportNoise(b.noise);
        ProseLayout prose = new ProseLayout(templates);
        layouts.put(ReportStyle.PROSE, prose);
        layouts.put(ReportStyle.STRUCTURED, new ChecklistLayout(templates, schema, false));
        layouts.put(ReportStyle.SYNOPTIC, new ChecklistLayout(templates, schema, true));
        layouts.put(ReportStyle.SECTIONED, new SectionedLayout(templates, prose));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@value #NAME} unless named otherwise (two writers in one teacher ensemble need two names). */
    @Override
    public String name() {
        return name;
    }

    public String language() {
        return templates.language();
    }

    @Override
    public Report generate(GenerationRequest request) {
        ClinicalRecord record = request.record();
        if (!record.schema().name().equals(schema.name())) {
            throw new IllegalArgumentException("record schema '" + record.schema().name() + "' is not the writer's '" + schema.name() + "'");
        }
        SplittableRandom rng = new SplittableRandom(request.seed());
        ReportStyle style = styles.get(rng.nextInt(styles.size()));
        RecordSlots values = new RecordSlots(record, schema, templates, rng);
        String text = noise.apply(layouts.get(style).write(values, rng), rng);
        Provenance provenance = Provenance.of(name)
                .with("style", style.cliName())
                .with("template_version", TEMPLATE_VERSION)
                .with("noise", Double.toString(noiseRate))
                .with("seed", request.seed());
        return new Report(request.id(), text, templates.language(), provenance);
    }

    /** Configures the writer: schema (default breast-cancer), language (fr or en), styles (default all), noise (default 0). */
    public static final class Builder {
        private Schema schema = Schema.breastCancer();
        private String language = "fr";
        private Set<ReportStyle> styles = EnumSet.allOf(ReportStyle.class);
        private double noise;
        private String name = NAME;

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a writer's name cannot be blank");
            }
            this.name = name;
            return this;
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder styles(ReportStyle first, ReportStyle... more) {
            this.styles = EnumSet.of(first, more);
            return this;
        }

        /**
         * The styles to draw from, in {@link ReportStyle}'s order whatever the collection's.
         *
         * @throws IllegalArgumentException when there is none
         */
        public Builder styles(Collection<ReportStyle> styles) {
            if (styles.isEmpty()) {
                throw new IllegalArgumentException("at least one report style is needed");
            }
            this.styles = EnumSet.copyOf(styles);
            return this;
        }

        /**
         * How often reports get typographic accidents (wrapped and hyphenated lines, capitals without accents, doubled
         * spaces), from 0 (clean, the default) to 1.
         */
        public Builder noise(double rate) {
            this.noise = ReportNoise.requireRate(rate);
            return this;
        }

        public TemplateReportWriter build() {
            return new TemplateReportWriter(this);
        }
    }
}
