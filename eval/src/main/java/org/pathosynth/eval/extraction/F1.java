package org.pathosynth.eval.extraction;

/** The F1 formula shared by every average: 2TP / (2TP + FP + FN), with 0 for a zero denominator. */
final class F1 {
    private F1() {
    }

    static double of(long tp, long fp, long fn) {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }
}
