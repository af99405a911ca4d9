package org.pathosynth.extraction.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;

/**
 * Reads the breast-cancer attributes from French or English report text with rules, returning each value with the
 * character span of its evidence. The rules file ({@code rules/rules.json}) holds the patterns and says which reader
 * reads which attribute; each reader family holds the logic of its attributes: negation and status windows, node
 * notations, unit conversion, HER2 IHC/ISH reasoning, receptor thresholds. Attributes of the schema that no reader
 * reads stay null.
 *
 * <p>Thread-safe: compiled patterns are shared, matchers are per call.
 */
public final class RuleBasedExtractor implements PathologyExtractor {
    public static final String NAME = "rules";

    private final Schema schema;
    private final RuleBook rules;
    private final List<AttributeReader> readers;
    private final Set<String> attributesRead;

    private RuleBasedExtractor(Builder b) {
        this.schema = b.schema;
        this.rules = b.rules != null ? b.rules : RuleBook.load();
        this.readers = new ReaderFamilies(rules, schema, b.frenchReceptorThreshold, b.englishReceptorThreshold).readers();
        this.attributesRead = rules.readers().stream().flatMap(e -> e.attributes().values().stream()).filter(schema::has)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The schema's attributes the rules have a reader for (in the order of the rules file); the rest they never read. */
    public Set<String> attributesRead() {
        return java.util.Collections.unmodifiableSet(attributesRead);
    }

    /** An extractor for the breast-cancer schema with default thresholds. */
    public static RuleBasedExtractor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Extraction extract(Report report) {
        ReportText text = rules.open(report.text());
        try {
            Reading reading = new Reading(text, report.language());
            Findings found = new Findings();
            for (AttributeReader reader : readers) {
                reader.read(reading, found);
            }
            return extraction(report, text, found);
        } finally {
            rules.close(text);
        }
    }

    /**
     * The values the rules read in the results the report restates from an earlier specimen ("Immunohistochimie (sur
     * la biopsie) : RE 95 %"), as if they were this examination's; an empty record when it restates none. A value
     * equal to one of these, read elsewhere in the report, likely repeats the earlier result.
     */
    public ClinicalRecord restatedValues(Report report) {
        ReportText text = rules.open(report.text());
        try {
            if (!text.hasRestated()) {
                return ClinicalRecord.builder(schema).build();
            }
            Reading reading = new Reading(text, report.language()).ofRestatedResults();
            Findings found = new Findings();
            for (AttributeReader reader : readers) {
                reader.read(reading, found);
            }
            return extraction(report, text, found).values();
        } finally {
            rules.close(text);
        }
    }

    /**
     * The passages of the text that the rules take to be about earlier examinations (clinical history, results
     * restated from a biopsy), as [start, end) spans of the text: values read there are not this examination's.
     */
    public List<int[]> earlierExaminationPassages(String reportText) {
        ReportText text = rules.open(reportText);
        try {
            return text.earlierPassages();
        } finally {
            rules.close(text);
        }
    }

    /** The values found that the schema allows, with their evidence mapped back to the report as written. */
    private Extraction extraction(Report report, ReportText text, Findings found) {
        ClinicalRecord.Builder record = ClinicalRecord.builder(schema);
        Map<String, Evidence> evidence = new HashMap<>();
        for (Map.Entry<String, Hit> e : found.asMap().entrySet()) {
            if (!schema.has(e.getKey())) {
                continue;
            }
            try {
                record.set(e.getKey(), e.getValue().value());
                Hit h = e.getValue();
                evidence.put(e.getKey(), new Evidence(text.originalStart(h.start()), text.originalEnd(h.end()), h.confidence()));
            } catch (IllegalArgumentException outOfDomain) {
                // A value the schema does not allow (e.g. 400 mm) is not reported rather than guessed.
            }
        }
        ClinicalRecord values = record.build();
        if (!values.violations().isEmpty()) {
            // Inconsistent counts (affected > taken) mean one of them was misread: keep neither.
            values.violations().forEach(c -> {
                evidence.remove(c.lesser());
                evidence.remove(c.greater());
            });
            ClinicalRecord.Builder repaired = ClinicalRecord.builder(schema);
            values.asMap().forEach((k, v) -> repaired.set(k, evidence.containsKey(k) ? v : null));
            values = repaired.build();
        }
        return new Extraction(report.id(), values, evidence);
    }

    /** Options: schema (default breast-cancer) and the receptor positivity thresholds per language. */
    public static final class Builder {
        private Schema schema = Schema.breastCancer();
        private double frenchReceptorThreshold = 10.0;
        private double englishReceptorThreshold = 1.0;
        private RuleBook rules;

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Percentage from which a receptor stated only as a percentage counts as positive: French
         * practice uses 10 % (the default), ASCO/CAP 1 % (the English default).
         */
        public Builder receptorThresholds(double frenchPercent, double englishPercent) {
            this.frenchReceptorThreshold = frenchPercent;
            this.englishReceptorThreshold = englishPercent;
            return this;
        }

        /** Rules read from another rules file of the same form (e.g. one that maps one more attribute to a reader). */
        Builder rules(java.io.InputStream rulesFile) throws java.io.IOException {
            this.rules = RuleBook.read(rulesFile);
            return this;
        }

        public RuleBasedExtractor build() {
            return new RuleBasedExtractor(this);
        }
    }

}
