package org.pathosynth.synth.internal.nn;

/**
 * A layer's weights W (out × in) as the float rows the products read, kept between optimiser steps: one
 * training step reads the same weights in up to six products, and converting them each time (with a transpose
 * for x·Wᵀ) took a tenth of CTGAN's training time. Rebuilt when the parameter's {@link Parameter#version()}
 * moves. A copy is published whole through a volatile field, so threads that sample from one fitted model
 * share it safely.
 */
final class WeightRows {
    final Parameter weight;
    final int out;
    final int in;
    private volatile Rows plain; // the rows of W, for g·W
    private volatile Rows transposed; // the rows of Wᵀ, for x·Wᵀ

    private record Rows(int version, float[][] rows) {
    }

    WeightRows(Parameter weight, int out, int in) {
        if (weight.value.length != out * in) {
            throw new IllegalArgumentException("weight has " + weight.value.length + " values, expected " + out + " x " + in);
        }
        this.weight = weight;
        this.out = out;
        this.in = in;
    }

    Matrix matrix() {
        return new Matrix(out, in, weight.value);
    }

    /** W as out rows of length in. */
    float[][] rows() {
        Rows r = current(plain, false);
        plain = r;
        return r.rows();
    }

    /** Wᵀ as in rows of length out. */
    float[][] transposedRows() {
        Rows r = current(transposed, true);
        transposed = r;
        return r.rows();
    }

    /** The cached copy if the weights have not changed since it was made, else a new one. */
    private Rows current(Rows cached, boolean ofTranspose) {
        int version = weight.version();
        if (cached != null && cached.version() == version) {
            return cached;
        }
        return new Rows(version, ofTranspose ? Kernels.floatRows(weight.value, in, out, true)
                : Kernels.floatRows(weight.value, out, in, false));
    }
}
