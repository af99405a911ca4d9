package org.pathosynth.synth.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * An offline report writer: turns a record into a plausible French or English pathology report in one of several
 * layouts ({@link ReportStyle}), with wording varied by the request's seed and, optionally, typographic noise,
 * distractors and one-page layouts. Every present value is stated, and the report's {@link Report#spans() spans} can
 * say where; missing values are simply not mentioned. Flavour the templates add (a breast side, receptor percentages)
 * only states what the record says, or what the record leaves open and no attribute of the schema covers. Attributes
 * the templates do not know are written from the schema's labels, value labels and synonyms, so any schema works.
 */
public final class TemplateReportWriter implements ReportGenerator {
    public static final String NAME = "template";
    static final String CLASSIC_TEMPLATE_VERSION = "2";
    static final String TEMPLATE_VERSION = "3";

    private final Schema schema;
    private final TemplateSet templates;
    private final List<ReportStyle> styles;
    private final Map<ReportStyle, ReportLayout> layouts = new EnumMap<>(ReportStyle.class);
    private final OnePageLayout onePage;
    private final ReportNoise noise;
    private final double noiseRate;
    private final String name;
    private final Vocabulary vocabulary;
    private final Distractors distractors;
    private final double distractorRate;
    private final Set<Distractor> distractorKinds;
    private final double onePageRate;
    private final boolean spans;
    private final List<String> attributeNames;
    /** Whether the schema is about the breast (has attributes the templates know): organ-specific flavour only then. */
    private final boolean breast;

    private TemplateReportWriter(Builder b) {
        this.name = b.name;
        // what reports may state: a table-only column (inferred, without labels) is never written, whether the record
        // carries it (a table's row) or not (projected by GenerationRequests.forTable)
        this.schema = Objects.requireNonNull(b.schema, "schema").reportable();
        this.templates = TemplateSet.load(b.language);
        this.styles = List.copyOf(b.styles);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one report style is needed");
        }
        this.noiseRate = b.noise;
        this.noise = new ReportNoise(b.noise);
        this.vocabulary = b.vocabulary;
        this.distractorRate = b.distractorRate;
        this.distractorKinds = EnumSet.copyOf(b.distractorKinds);
        this.onePageRate = b.onePage;
        this.spans = b.spans;
        this.attributeNames = schema.names();
        GenericPhrases generic = new GenericPhrases(templates);
        this.breast = schema.attributes().stream().anyMatch(generic::templated);
        this.distractors = new Distractors(templates, generic, distractorRate, distractorKinds);
        ProseLayout prose = new ProseLayout(templates, generic);
        ChecklistLayout structured = new ChecklistLayout(templates, schema, false, generic);
        ChecklistLayout synoptic = new ChecklistLayout(templates, schema, true, generic);
        layouts.put(ReportStyle.PROSE, prose);
        layouts.put(ReportStyle.STRUCTURED, structured);
        layouts.put(ReportStyle.SYNOPTIC, synoptic);
        layouts.put(ReportStyle.SECTIONED, new SectionedLayout(templates, prose, generic));
        this.onePage = new OnePageLayout(templates, prose, structured, synoptic, generic, distractors);
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
        boolean extended = vocabulary == Vocabulary.EXTENDED;
        SplittableRandom rng = new SplittableRandom(request.seed());
        SplittableRandom words = new SplittableRandom(Seeds.derive(request.seed(), "vocabulary"));
        ReportStyle style = styles.get(rng.nextInt(styles.size()));
        RecordSlots values = new RecordSlots(record, schema, templates, rng, words, extended, breast);
        Distractions distractions = distractors.draw(values, new SplittableRandom(Seeds.derive(request.seed(), "distractors")));
        Composition c = new Composition(values, new Picker(templates, values, rng, words, extended), rng, distractions);
        boolean page = false;
        String marked;
        if (onePageRate > 0) {
            SplittableRandom pageRng = new SplittableRandom(Seeds.derive(request.seed(), "one-page"));
            page = pageRng.nextDouble() < onePageRate;
            marked = page ? onePage.write(c, style, pageRng) : layouts.get(style).write(c);
        } else {
            marked = layouts.get(style).write(c);
        }
        SpannedText text = noise.apply(SpanMarks.strip(marked, attributeNames), rng);
        Provenance provenance = Provenance.of(name)
                .with("style", style.cliName())
                .with("template_version", extended ? TEMPLATE_VERSION : CLASSIC_TEMPLATE_VERSION)
                .with("noise", Double.toString(noiseRate))
                .with("seed", request.seed());
        if (distractors.active()) {
            provenance = provenance.with("distractors", Double.toString(distractorRate) + " " + distractorKinds.stream()
                    .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(",")));
        }
        if (page) {
            provenance = provenance.with("layout", "one_page");
        }
        return new Report(request.id(), text.text(), templates.language(), provenance, spans ? text.evidence() : Map.of());
    }

    /**
     * Configures the writer: schema (default breast-cancer), language (fr or en), styles (default all), noise (default
     * 0), vocabulary (default extended), spans (default on), distractors (default none) and one-page layouts (default
     * none). For a student extractor's training corpus: {@code .vocabulary(Vocabulary.EXTENDED).spans(true)}, with
     * distractors and one-page reports.
     */
    public static final class Builder {
        private Schema schema = Schema.breastCancer();
        private String language = "fr";
        private Set<ReportStyle> styles = EnumSet.allOf(ReportStyle.class);
        private double noise;
        private String name = NAME;
        private Vocabulary vocabulary = Vocabulary.EXTENDED;
        private double distractorRate;
        private Set<Distractor> distractorKinds = EnumSet.allOf(Distractor.class);
        private double onePage;
        private boolean spans = true;

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
         * spaces), from 0 (clean, the default) to 1. Spans move with their text.
         */
        public Builder noise(double rate) {
            this.noise = ReportNoise.requireRate(rate);
            return this;
        }

        /**
         * The wording: {@link Vocabulary#EXTENDED} (the default), the wider vocabulary of real reports, which a student
         * extractor learns from; or {@link Vocabulary#CLASSIC}, the phrasings of template version 2, byte-identical to them
         * for the breast-cancer schema.
         */
        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
            return this;
        }

        /**
         * Adds, with probability {@code rate} per report and per kind, statements a reader must not extract (see
         * {@link Distractor}): every kind. The record is unchanged, and so is the rest of the text. 0 (the default)
         * adds none and keeps the output byte-identical.
         */
        public Builder distractors(double rate) {
            return distractors(rate, EnumSet.allOf(Distractor.class));
        }

        /** As {@link #distractors(double)}, for the given kinds only. */
        public Builder distractors(double rate, Collection<Distractor> kinds) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("distractor rate must be between 0 and 1, got " + rate);
            }
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("at least one distractor kind is needed");
            }
            this.distractorRate = rate;
            this.distractorKinds = EnumSet.copyOf(kinds);
            return this;
        }

        /**
         * How often a report is a whole printed page (letterhead with identifiers, clinical history, detailed
         * macroscopy, microscopy, immunohistochemistry or the checklist block, conclusion, pTNM, signature), from 0
         * (the default) to 1.
         */
        public Builder onePage(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("one-page rate must be between 0 and 1, got " + rate);
            }
            this.onePage = rate;
            return this;
        }

        /**
         * Whether reports carry the {@link Report#spans() spans} of their values (exact labels for training a student
         * extractor; on by default).
         */
        public Builder spans(boolean record) {
            this.spans = record;
            return this;
        }

        public TemplateReportWriter build() {
            return new TemplateReportWriter(this);
        }
    }
}
