package org.pathosynth.eval.extraction;

import java.util.List;
import java.util.Map;

/**
 * Every extraction metric of one attribute (metrics.md section 4). Labels are normalised (trimmed,
 * lower-cased, empty = null); null is the label {@value ExtractionScorer#NULL_LABEL} in the class view.
 *
 * @param accuracy share of rows where prediction equals gold (both-null counts as correct)
 * @param accuracyGoldNonNull the same over rows whose gold value is present (= presence recall)
 * @param classes the sorted union of gold and predicted labels, null label included
 * @param macroF1 unweighted mean of per-class F1 over {@code classes} (scikit-learn {@code average='macro'})
 * @param macroF1NonNull the same without the null label
 * @param microF1 pooled over all classes (equals accuracy for single-label data)
 * @param microF1NonNull pooled over the non-null labels (equals presence F1)
 * @param weightedF1 support-weighted mean of per-class F1
 */
public record AttributeScore(int n, double accuracy, double accuracyGoldNonNull, PresenceScore presence,
                             List<String> classes, Map<String, ClassScore> perClass, double macroF1,
                             double macroF1NonNull, double microF1, double microF1NonNull, double weightedF1) {
    public AttributeScore {
        classes = List.copyOf(classes);
        perClass = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perClass));
    }

    /**
     * Scores for one positive label (scikit-learn {@code average='binary', pos_label=...}); a label
     * never seen gives zeros.
     */
    public ClassScore binary(String positiveLabel) {
        ClassScore c = perClass.get(ExtractionScorer.normalise(positiveLabel));
        return c == null ? ClassScore.of(0, 0, 0) : c;
    }
}
