package org.pathosynth.extraction.student;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/**
 * Rules first, the student (a {@link StudentExtractor}, or any extractor whose evidence carries a calibrated
 * confidence) for the rest: a value the rules read is kept (they are precise on what they know); where
 * they read nothing (an attribute they have no reader for, or a phrasing they were never shown) the student's value
 * is taken when its calibrated confidence reaches {@code minConfidence}. For an attribute the rules have a reader for,
 * the student's value is also refused where the rules know better: evidence in a passage they take to be about an
 * earlier examination (history, results restated from a biopsy), on a phrase they read as another attribute (the
 * "niveaux I et II" of a node dissection is not a grade), or a value equal to the one the rules read in results the
 * report restates from an earlier specimen (a summary's "ER+/PR+" after "receptors performed on the core biopsy"). An attribute they never read (laterality, say) is the
 * student's alone. One value the rules read is overruled: a number the student (a {@link NumberOpinion}, as {@link StudentExtractor} is) gives a
 * probability below {@value #VETO_BELOW} of being the attribute's value, where it reads another value confidently
 * itself (the distance between two foci, in capitals without accents, read by the rules as the size).
 * Thread-safe when both extractors are.
 */
public final class RulesAndStudentExtractor implements PathologyExtractor {
    public static final String NAME = "rules+student";
    /** The student's probability under which a number the rules read is overruled (see {@link #vetoed}). */
    static final double VETO_BELOW = 0.1;
    private final PathologyExtractor rules;
    private final PathologyExtractor student;
    private final double minConfidence;

    public RulesAndStudentExtractor(PathologyExtractor rules, PathologyExtractor student, double minConfidence) {
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
        List<int[]> earlier = null;
        ClinicalRecord restated = null;
        for (String name : schema().names()) {
            Evidence e = s.evidence().get(name);
            boolean vetoed = vetoed(report, name, r, s);
            if ((values.get(name) == null || vetoed) && s.values().get(name) != null && e != null && e.confidence() >= minConfidence) {
                if (rules instanceof RuleBasedExtractor rb && rb.attributesRead().contains(name)) {
                    if (earlier == null) {
                        earlier = rb.earlierExaminationPassages(report.text());
                        restated = rb.restatedValues(report);
                    }
                    if (inside(e, earlier) || onAnotherReading(e, r.evidence(), name) || s.values().get(name).equals(restated.get(name))) {
                        continue; // a refused student value leaves the rules' reading, overruled or not, as it was
                    }
                }
                ClinicalRecord filled = values.with(name, s.values().get(name));
                if (filled.violations().isEmpty()) {
                    values = filled;
                    evidence.put(name, e);
                }
            }
        }
        return new Extraction(report.id(), values, evidence);
    }

    /**
     * Whether the student overrules the rules' number for {@code name}: it reads another value with the confidence
     * needed to fill a gap, and gives the number the rules took (at their evidence) a probability below
     * {@link #VETO_BELOW} of being this attribute's value; a distance between two foci read as a size, say. Not when
     * the student's number is the rules' value of another attribute: two counts of one notation confused.
     */
    private boolean vetoed(Report report, String name, Extraction r, Extraction s) {
        Object ruled = r.values().get(name);
        Object own = s.values().get(name);
        Evidence re = r.evidence().get(name);
        Evidence se = s.evidence().get(name);
        if (!(ruled instanceof Number n) || own == null || own.equals(ruled) || re == null || se == null
                || se.confidence() < minConfidence || !(student instanceof NumberOpinion x)) {
            return false;
        }
        for (String other : schema().names()) {
            if (!other.equals(name) && own.equals(r.values().get(other))) {
                return false; // the student's number is what the rules read for another attribute: "0/2", nodes taken read as involved
            }
        }
        double p = x.numberProbability(report, name, re.start(), re.end(), n.doubleValue());
        return p < VETO_BELOW;
    }

    private static boolean inside(Evidence e, List<int[]> passages) {
        for (int[] p : passages) {
            if (e.start() >= p[0] && e.start() < p[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the evidence overlaps what the rules read as another attribute than {@code name}. */
    private static boolean onAnotherReading(Evidence e, Map<String, Evidence> rules, String name) {
        for (Map.Entry<String, Evidence> read : rules.entrySet()) {
            Evidence other = read.getValue();
            if (!read.getKey().equals(name) && e.start() < other.end() && other.start() < e.end()) {
                return true;
            }
        }
        return false;
    }
}
