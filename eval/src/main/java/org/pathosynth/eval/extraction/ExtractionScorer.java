package org.pathosynth.eval.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * Scores extracted values against gold values, per attribute and in total, with the definitions of
 * metrics.md section 4 (scikit-learn compatible).
 */
public final class ExtractionScorer {
    /** The label null becomes in the class view, as in the conformance vectors. */
    public static final String NULL_LABEL = "<null>";

    private ExtractionScorer() {
    }

    /** Trim and lower-case; null or empty is null. */
    public static String normalise(String label) {
        if (label == null) {
            return null;
        }
        String s = label.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** All metrics for one attribute from aligned gold and predicted labels (null = absent). */
    public static AttributeScore score(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " values, predictions " + predicted.size());
        }
        int n = gold.size();
        int correct = 0;
        int goldNonNull = 0;
        int correctNonNull = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        TreeSet<String> labels = new TreeSet<>();
        List<String> g = new ArrayList<>(n);
        List<String> p = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String gi = normalise(gold.get(i));
            String pi = normalise(predicted.get(i));
            boolean equal = Objects.equals(gi, pi);
            if (equal) {
                correct++;
            }
            if (gi != null) {
                goldNonNull++;
                if (equal) {
                    correctNonNull++;
                }
            }
            if (pi != null && equal) {
                tp++;
            }
            if (pi != null && !equal) {
                fp++;
            }
            if (gi != null && !equal) {
                fn++;
            }
            String gl = gi == null ? NULL_LABEL : gi;
            String pl = pi == null ? NULL_LABEL : pi;
            labels.add(gl);
            labels.add(pl);
            g.add(gl);
            p.add(pl);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, new int[3]));
        for (int i = 0; i < n; i++) {
            if (g.get(i).equals(p.get(i))) {
                counts.get(g.get(i))[0]++;
            } else {
                counts.get(p.get(i))[1]++;
                counts.get(g.get(i))[2]++;
            }
        }
        Map<String, ClassScore> perClass = new LinkedHashMap<>();
        counts.forEach((l, c) -> perClass.put(l, ClassScore.of(c[0], c[1], c[2])));

        double macroSum = 0;
        double macroNonNullSum = 0;
        int nonNullClasses = 0;
        long tpAll = 0, fpAll = 0, fnAll = 0, tpNn = 0, fpNn = 0, fnNn = 0;
        double weightedSum = 0;
        long supportSum = 0;
        for (Map.Entry<String, ClassScore> e : perClass.entrySet()) {
            ClassScore c = e.getValue();
            macroSum += c.f1();
            tpAll += c.tp();
            fpAll += c.fp();
            fnAll += c.fn();
            weightedSum += c.support() * c.f1();
            supportSum += c.support();
            if (!e.getKey().equals(NULL_LABEL)) {
                macroNonNullSum += c.f1();
                nonNullClasses++;
                tpNn += c.tp();
                fpNn += c.fp();
                fnNn += c.fn();
            }
        }
        return new AttributeScore(n,
                n == 0 ? 0.0 : (double) correct / n,
                goldNonNull == 0 ? 0.0 : (double) correctNonNull / goldNonNull,
                new PresenceScore(tp, fp, fn),
                new ArrayList<>(labels), perClass,
                perClass.isEmpty() ? 0.0 : macroSum / perClass.size(),
                nonNullClasses == 0 ? 0.0 : macroNonNullSum / nonNullClasses,
                F1.of(tpAll, fpAll, fnAll),
                F1.of(tpNn, fpNn, fnNn),
                supportSum == 0 ? 0.0 : weightedSum / supportSum);
    }

    /**
     * Scores aligned gold and extracted records attribute by attribute; values are compared in
     * their canonical text form (so 28 and 28.0 mm agree).
     */
    /**
     * Scores predictions matched to gold records by id. A gold record without a prediction is scored as "nothing
     * extracted" (a dropped report costs recall); a prediction without gold is ignored and counted.
     */
    public static IdMatchedScores scoreById(Schema schema, Map<String, ClinicalRecord> gold, Map<String, ClinicalRecord> predicted) {
        List<ClinicalRecord> g = new ArrayList<>(gold.size());
        List<ClinicalRecord> p = new ArrayList<>(gold.size());
        int missing = 0;
        ClinicalRecord empty = ClinicalRecord.builder(schema).build();
        for (Map.Entry<String, ClinicalRecord> e : gold.entrySet()) {
            ClinicalRecord read = predicted.get(e.getKey());
            if (read == null) {
                missing++;
            }
            g.add(e.getValue());
            p.add(read == null ? empty : read);
        }
        int unmatched = (int) predicted.keySet().stream().filter(id -> !gold.containsKey(id)).count();
        return new IdMatchedScores(score(schema, g, p), gold.size(), missing, unmatched);
    }

    /** Scores what was read from each pair's report against the pair's record, matched by id. */
    public static ExtractionScores scorePairs(List<org.pathosynth.core.report.ReportPair> pairs, List<org.pathosynth.core.extraction.Extraction> read) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pair to score against");
        }
        Map<String, ClinicalRecord> gold = new LinkedHashMap<>();
        pairs.forEach(p -> gold.put(p.id(), p.record()));
        Map<String, ClinicalRecord> predicted = new LinkedHashMap<>();
        read.forEach(e -> predicted.put(e.reportId(), e.values()));
        return scoreById(pairs.get(0).record().schema(), gold, predicted).scores();
    }

    /** Aligned lists: {@code predicted.get(i)} was read from the report whose gold is {@code gold.get(i)}. */
    public static ExtractionScores score(Schema schema, List<ClinicalRecord> gold, List<ClinicalRecord> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " records, predictions " + predicted.size());
        }
        Map<String, AttributeScore> perAttribute = new LinkedHashMap<>();
        for (Attribute a : schema.attributes()) {
            List<String> g = new ArrayList<>(gold.size());
            List<String> p = new ArrayList<>(gold.size());
            for (int i = 0; i < gold.size(); i++) {
                g.add(labelOf(a, gold.get(i)));
                p.add(labelOf(a, predicted.get(i)));
            }
            perAttribute.put(a.name(), score(g, p));
        }
        return new ExtractionScores(perAttribute);
    }

    private static String labelOf(Attribute a, ClinicalRecord record) {
        if (!record.schema().has(a.name())) {
            return null;
        }
        Object v = record.get(a.name());
        return v == null ? null : a.format(v);
    }
}
