package org.pathosynth.synth.internal.nn;

/** A trainable tensor (flat values) with its accumulated gradient and Adam moments. */
public final class Parameter {
    public final String name;
    public final double[] value;
    public final double[] grad;
    final double[] m;
    final double[] v;
    public Parameter(String name, double[] value) {
        this.name = name;
        this.value = value;
        this.grad = new double[value.length];
        this.m = new double[value.length];
        this.v = new double[value.length];
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }
}
