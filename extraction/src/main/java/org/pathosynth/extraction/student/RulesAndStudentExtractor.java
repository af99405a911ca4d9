package org.pathosynth.extraction.student;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * Rules first, the student for the rest: a value the rules read is kept (they are precise on what they know); where
 * they read nothing (an attribute they have no reader for, or a phrasing they were never shown) the student's value
 * is taken when its calibrated confidence reaches {@code minConfidence}. Thread-safe when both extractors are.
 */
public final class RulesAndStudentExtractor implements PathologyExtractor {
    public static final String NAME = "rules+student";
    private final PathologyExtractor rules;
    private final StudentExtractor student;
    private final double minConfidence;

    public RulesAndStudentExtractor(PathologyExtractor rules, StudentExtractor student, double minConfidence) {
        if (!rules.schema().name().equals(student.schema().name())) {
            throw new IllegalArgumentException("the rules read schema '" + rules.schema().name() + "', the student '"
                    + student.schema().name() + "'");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min_confidence must be in [0, 1], got " + minConfidence);
        }
        this.rules = rules;
        this.student = student;
        this.minConfidence = minConfidence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schema schema() {
        return student.schema();
    }

    @Override
    public Extraction extract(Report report) {
        Extraction r = rules.extract(report);
        Extraction s = student.extract(report);
        ClinicalRecord values = r.values();
        Map<String, Evidence> evidence = new LinkedHashMap<>(r.evidence());
        for (String name : schema().names()) {
            Evidence e = s.evidence().get(name);
            if (values.get(name) == null && s.values().get(name) != null && e != null && e.confidence() >= minConfidence) {
                ClinicalRecord filled = values.with(name, s.values().get(name));
                if (filled.violations().isEmpty()) {
                    values = filled;
                    evidence.put(name, e);
                }
            }
        }
        return new Extraction(report.id(), values, evidence);
    }
}
