package org.pathosynth.extraction.student;

import java.util.SplittableRandom;

/**
 * Multinomial logistic regression over sparse binary features: which of an attribute's values a clause states, given
 * that it states one. Weights are stored per feature and class ({@code weights[feature * classes + class]}).
 */
final class ValueModel {
    final int classes;
    final float[] weights;

    ValueModel(int classes, float[] weights) {
        this.classes = classes;
        this.weights = weights;
    }

    /** Class probabilities into {@code out} (length at least {@code classes}). */
    void probabilities(int[] ids, int from, int to, double[] out) {
        for (int k = 0; k < classes; k++) {
            out[k] = 0;
        }
        for (int j = from; j < to; j++) {
            int base = ids[j] * classes;
            for (int k = 0; k < classes; k++) {
                out[k] += weights[base + k];
            }
        }
        softmax(out, classes);
    }

    static void softmax(double[] z, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < n; k++) {
            z[k] /= sum;
        }
    }

    /** Fits the weights to the rows whose label is a class index (rows labelled -1 are not examples). */
    static ValueModel train(Rows rows, int[] labels, int features, int classes, Training t, long seed) {
        return train(rows, labels, null, features, classes, t, seed);
    }

    /** As {@link #train(Rows, int[], int, int, Training, long)}, each example's gradient scaled by its weight (null: all 1). */
    static ValueModel train(Rows rows, int[] labels, float[] weights, int features, int classes, Training t, long seed) {
        float[] w = new float[features * classes];
        float[] g2 = new float[features * classes];
        double[] p = new double[classes];
        int[] order = BinaryModel.order(labels, l -> l >= 0);
        ValueModel model = new ValueModel(classes, w);
        TailAverage mean = new TailAverage(w.length, t.epochs());
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            BinaryModel.shuffle(order, new SplittableRandom(seed + 104729L * epoch));
            for (int e : order) {
                int from = rows.from(e);
                int to = rows.to(e);
                model.probabilities(rows.ids, from, to, p);
                p[labels[e]] -= 1;
                double weight = weights == null ? 1 : weights[e];
                for (int j = from; j < to; j++) {
                    int base = rows.ids[j] * classes;
                    for (int k = 0; k < classes; k++) {
                        double gj = p[k] * weight + t.l2() * w[base + k];
                        g2[base + k] += (float) (gj * gj);
                        w[base + k] -= (float) (t.learningRate() * gj / Math.sqrt(g2[base + k] + 1e-8));
                    }
                }
            }
            mean.endOfEpoch(epoch, w);
        }
        return new ValueModel(classes, mean.mean());
    }
}
