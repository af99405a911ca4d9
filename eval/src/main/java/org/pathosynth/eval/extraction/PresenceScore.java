package org.pathosynth.eval.extraction;

/**
 * Slot-filling view of one attribute (metrics.md 4.3): a correct non-null prediction is a TP; a
 * non-null prediction that is wrong or where gold is null is an FP; a non-null gold value not
 * predicted exactly is an FN (so a substitution counts as both FP and FN). Both-null rows are
 * ignored. Equal to scikit-learn's micro-F1 over the non-null labels.
 */
public record PresenceScore(int tp, int fp, int fn) {
    public double precision() {
        return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }

    public double f1() {
        return F1.of(tp, fp, fn);
    }

    /** Whether precision is defined: something was predicted (else it reads 0 as scikit-learn's zero_division=0). */
    public boolean hasPredictions() {
        return tp + fp > 0;
    }

    /** Whether recall is defined: some gold value is present. */
    public boolean hasGold() {
        return tp + fn > 0;
    }

    PresenceScore plus(PresenceScore o) {
        return new PresenceScore(tp + o.tp, fp + o.fp, fn + o.fn);
    }
}
