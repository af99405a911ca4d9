package org.pathosynth.synth.internal.nn;

/**
 * A layer's weights W (out × in) as the float rows the products read, kept between optimiser steps: one
 * training step reads the same weights in up to six products, and converting them each time (with a transpose
 * for x·Wᵀ) took a tenth of CTGAN's training time. Rebuilt when the parameter's {@link Parameter#version()}
 * moves, into the same arrays. Threads that sample from one fitted model share the copy safely: it is published
 * through a volatile field, and if several of them find it stale (after the weights were loaded or averaged) they
 * write the same values over it, since the weights do not change while anyone samples.
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

    /**
     * The cached copy if the weights have not changed since it was made, else the new values written over it (they
     * change only while one thread trains, and allocating a copy per step was a tenth of a CTGAN fit's garbage).
     */
    private Rows current(Rows cached, boolean ofTranspose) {
        int version = weight.version();
        if (cached != null && cached.version() == version) {
            return cached;
        }
        int k = ofTranspose ? in : out;
        int n = ofTranspose ? out : in;
        float[][] rows = cached != null ? cached.rows() : new float[k + 1][n];
        return new Rows(version, Kernels.floatRows(weight.value, k, n, ofTranspose, rows));
    }
}
