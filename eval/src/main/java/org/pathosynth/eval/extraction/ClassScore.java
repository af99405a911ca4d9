package org.pathosynth.eval.extraction;

/** Counts and F1 of one label, as scikit-learn computes them (F1 = 2TP / (2TP + FP + FN), 0 when undefined). */
public record ClassScore(int tp, int fp, int fn, int support, double f1) {
    static ClassScore of(int tp, int fp, int fn) {
        return new ClassScore(tp, fp, fn, tp + fn, F1.of(tp, fp, fn));
    }

    public double precision() {
        return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }
}
