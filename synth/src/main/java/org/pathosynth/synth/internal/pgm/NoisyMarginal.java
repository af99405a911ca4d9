package org.pathosynth.synth.internal.pgm;

/**
 * A marginal measured with Gaussian noise: the counts of every joint cell of a sorted attribute set (last attribute
 * fastest), each plus noise of its own standard deviation (equal unless cells were merged after measuring).
 */
public record NoisyMarginal(int[] attributes, double[] values, double[] sigmas) {
    public NoisyMarginal {
        if (values.length != sigmas.length) {
            throw new IllegalArgumentException("a noisy marginal needs one noise scale per cell");
        }
    }

    /** Every cell measured with the same noise. */
    public static NoisyMarginal of(int[] attributes, double[] values, double sigma) {
        double[] s = new double[values.length];
        java.util.Arrays.fill(s, sigma);
        return new NoisyMarginal(attributes, values, s);
    }

    /** The variance of the sum of the values: how well they estimate the row count. */
    public double sumVariance() {
        double v = 0;
        for (double s : sigmas) {
            v += s * s;
        }
        return v;
    }
}
