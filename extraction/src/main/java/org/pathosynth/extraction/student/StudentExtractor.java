package org.pathosynth.extraction.student;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.InvalidValueException;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;

/**
 * An extractor learnt from (record, report) pairs by {@link StudentTrainer}, for any schema: for each attribute it
 * picks the clause (or, for numbers, the number) of the report that most probably states the value, and reads nothing
 * when no clause is likely enough. Each value comes with its evidence span and a calibrated probability that it is
 * right. Immutable and thread-safe.
 */
public final class StudentExtractor implements PathologyExtractor, NumberOpinion {
    public static final String NAME = "student";
    private static final PlannedTests PLANNED = PlannedTests.shipped();
    private final StudentModel model;

    StudentExtractor(StudentModel model) {
        this.model = model;
    }

    public static StudentExtractor of(StudentModel model) {
        return new StudentExtractor(model);
    }

    public StudentModel model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schema schema() {
        return model.schema();
    }

    @Override
    public Extraction extract(Report report) {
        ReportView view = ReportView.of(report.text(), report.language(), model.index(), model.anchors());
        double[] scratch = new double[model.maxClasses()];
        ClinicalRecord.Builder values = ClinicalRecord.builder(model.schema());
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        for (AttributeModel a : model.attributes()) {
            AttributeModel.Decision d = a.decide(view, scratch);
            if (d == null) {
                continue;
            }
            if (PLANNED.inPlannedStatement(report.text(), d.start())) {
                continue; // a planned or pending test gives no result
            }
            Object value;
            try {
                value = a.attribute.parse(d.value());
            } catch (InvalidValueException e) {
                continue; // a value the schema refuses is not read
            }
            values.set(a.attribute.name(), value);
            evidence.put(a.attribute.name(), new Evidence(d.start(), d.end(), a.calibration.apply(d.probability())));
        }
        ClinicalRecord record = values.build();
        for (LessOrEqualConstraint c : model.schema().constraints()) {
            if (record.violations().contains(c)) {
                String drop = evidence.get(c.lesser()).confidence() < evidence.get(c.greater()).confidence() ? c.lesser() : c.greater();
                record = record.with(drop, null);
                evidence.remove(drop);
            }
        }
        record = model.coPresence().apply(record, evidence);
        return new Extraction(report.id(), record, evidence);
    }

    /**
     * The student's probability (raw, not calibrated) that the number another reader took from {@code [start, end)}
     * as {@code value} states the attribute: NaN when the student reads the attribute from no number there (a coded
     * attribute, a number it cannot place). A second opinion on someone else's reading, for {@link RulesAndStudentExtractor}.
     */
    @Override
    public double numberProbability(Report report, String attribute, int start, int end, double value) {
        for (AttributeModel a : model.attributes()) {
            if (a.attribute.name().equals(attribute)) {
                return a.numberProbability(ReportView.of(report.text(), report.language(), model.index()), start, end, value);
            }
        }
        return Double.NaN;
    }

    /** The attributes this extractor reads, with what it learnt for each. */
    Map<String, Attribute> attributes() {
        Map<String, Attribute> out = new LinkedHashMap<>();
        model.attributes().forEach(a -> out.put(a.attribute.name(), a.attribute));
        return out;
    }
}
