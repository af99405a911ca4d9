package org.pathosynth.extraction.student;

import java.util.SplittableRandom;

/**
 * Logistic regression over sparse binary features: the probability that an example is positive (a clause states an
 * attribute; a number is its value). Trained by Adagrad over seeded shuffles, so the same data and seed give the same
 * weights.
 */
final class BinaryModel {
    final float[] weights;

    BinaryModel(float[] weights) {
        this.weights = weights;
    }

    double logit(int[] ids, int from, int to) {
        double z = 0;
        for (int j = from; j < to; j++) {
            z += weights[ids[j]];
        }
        return z;
    }

    double probability(int[] ids, int from, int to) {
        return sigmoid(logit(ids, from, to));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * Fits the weights to the rows whose label is 0 or 1 (rows labelled -1 are not examples).
     */
    static BinaryModel train(Rows rows, int[] labels, int features, Training t, long seed) {
        return train(rows, labels, null, features, t, seed);
    }

    /** As {@link #train(Rows, int[], int, Training, long)}, each example's gradient scaled by its weight (null: all 1). */
    static BinaryModel train(Rows rows, int[] labels, float[] weights, int features, Training t, long seed) {
        float[] w = new float[features];
        float[] g2 = new float[features];
        int[] order = order(labels, l -> l >= 0);
        TailAverage mean = new TailAverage(features, t.epochs());
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            shuffle(order, new SplittableRandom(seed + 7919L * epoch));
            for (int e : order) {
                int from = rows.from(e);
                int to = rows.to(e);
                double z = 0;
                for (int j = from; j < to; j++) {
                    z += w[rows.ids[j]];
                }
                double grad = (sigmoid(z) - labels[e]) * (weights == null ? 1 : weights[e]);
                for (int j = from; j < to; j++) {
                    int f = rows.ids[j];
                    double gj = grad + t.l2() * w[f];
                    g2[f] += (float) (gj * gj);
                    w[f] -= (float) (t.learningRate() * gj / Math.sqrt(g2[f] + 1e-8));
                }
            }
            mean.endOfEpoch(epoch, w);
        }
        return new BinaryModel(mean.mean());
    }

    /** The rows whose label passes {@code keep}, in order. */
    static int[] order(int[] labels, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> keep.test(labels[i])).toArray();
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }
}
