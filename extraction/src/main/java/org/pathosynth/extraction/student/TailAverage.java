package org.pathosynth.extraction.student;

/**
 * The mean of a model's weights at the end of each epoch of the second half of training (tail averaging): the last
 * epoch's weights depend on the order of its last examples, their mean much less, so students trained with other seeds
 * read alike.
 */
final class TailAverage {
    private final double[] sum;
    private final int epochs;
    private int added;

    TailAverage(int size, int epochs) {
        this.sum = new double[size];
        this.epochs = epochs;
    }

    /** Adds the weights at the end of epoch {@code epoch} (0-based) when it belongs to the averaged tail. */
    void endOfEpoch(int epoch, float[] w) {
        if (epoch < epochs / 2) {
            return;
        }
        for (int i = 0; i < w.length; i++) {
            sum[i] += w[i];
        }
        added++;
    }

    /** The averaged weights. */
    float[] mean() {
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / added);
        }
        return out;
    }
}
