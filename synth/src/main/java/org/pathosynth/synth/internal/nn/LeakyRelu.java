package org.pathosynth.synth.internal.nn;

/** max(x, slope·x); slope 0 is ReLU. */
final class LeakyRelu implements Layer {
    private final double slope;
    private Matrix input;

    public LeakyRelu(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("slope must be in [0, 1), got " + slope);
        }
        this.slope = slope;
    }

    public static LeakyRelu relu() {
        return new LeakyRelu(0);
    }

    /*
     * Both passes are written without branches, in operations HotSpot vectorises (max, min, multiply): the signs
     * of a layer's inputs are as good as random, so a branch per entry was mispredicted half the time and the two
     * loops took a tenth of CTGAN's training.
     */

    /** max(v, slope·v), which is v for finite v > 0 and slope·v otherwise, given 0 ≤ slope {@literal <} 1. */
    static double apply(double v, double slope) {
        return Math.max(v, slope * v);
    }

    /**
     * 1 for x > 0 and slope otherwise (x not NaN), without a branch: x·2¹⁰²³·2¹⁰²³ is at least 1 for every x > 0,
     * down to the smallest subnormal (2⁻¹⁰⁷⁴), and at most 0 for x ≤ 0.
     */
    static double slopeAt(double x, double slope) {
        return slope + (1 - slope) * Math.min(1.0, Math.max(0.0, x * 0x1p1023 * 0x1p1023));
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        input = x;
        Matrix y = x.zerosLike();
        double[] in = x.data;
        double[] out = y.data;
        double a = slope;
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(in[i], a);
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        Matrix d = g.zerosLike();
        double[] in = input.data;
        double[] gd = g.data;
        double[] out = d.data;
        double a = slope;
        for (int i = 0; i < out.length; i++) {
            out[i] = gd[i] * slopeAt(in[i], a);
        }
        return d;
    }
}
