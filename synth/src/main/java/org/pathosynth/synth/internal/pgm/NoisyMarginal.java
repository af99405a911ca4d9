package org.pathosynth.synth.internal.pgm;

/**
 * A marginal measured with Gaussian noise: the counts of a sorted attribute set's joint cells (last attribute fastest),
 * each plus noise of its own standard deviation (equal unless cells were merged after measuring). With {@code groups},
 * the counts are of groups of joint cells instead: {@code groups[i]} is the measured group of joint cell i, so a
 * marginal can be measured coarser than the model's domains.
 */
public record NoisyMarginal(int[] attributes, double[] values, double[] sigmas, int[] groups) {
    public NoisyMarginal {
        if (values.length != sigmas.length) {
            throw new IllegalArgumentException("a noisy marginal needs one noise scale per cell");
        }
    }

    /** Every joint cell measured on its own. */
    public NoisyMarginal(int[] attributes, double[] values, double[] sigmas) {
        this(attributes, values, sigmas, null);
    }

    /** Every cell measured with the same noise. */
    public static NoisyMarginal of(int[] attributes, double[] values, double sigma) {
        return of(attributes, values, sigma, null);
    }

    /** Every measured group (or cell, with {@code groups} null) with the same noise. */
    public static NoisyMarginal of(int[] attributes, double[] values, double sigma, int[] groups) {
        double[] s = new double[values.length];
        java.util.Arrays.fill(s, sigma);
        return new NoisyMarginal(attributes, values, s, groups);
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
