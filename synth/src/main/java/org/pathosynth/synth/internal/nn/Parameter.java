package org.pathosynth.synth.internal.nn;

/**
 * A trainable tensor (flat values) with its accumulated gradient and Adam moments. Whoever writes the values calls
 * {@link #changed()} afterwards.
 */
public final class Parameter {
    public final String name;
    public final double[] value;
    public final double[] grad;
    final double[] m;
    final double[] v;
    private int version;
    public Parameter(String name, double[] value) {
        this.name = name;
        this.value = value;
        this.grad = new double[value.length];
        this.m = new double[value.length];
        this.v = new double[value.length];
    }

    /**
     * Says that {@link #value} was written: every writer calls it (the optimiser, averaging, loading), so that
     * float copies of the values made for the products are rebuilt.
     */
    public void changed() {
        version++;
    }

    /** How many times the values were {@link #changed()}. */
    int version() {
        return version;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }
}
