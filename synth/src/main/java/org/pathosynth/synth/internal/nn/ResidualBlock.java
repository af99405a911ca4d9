package org.pathosynth.synth.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * CTGAN's generator block: h' = ReLU(BatchNorm(Linear(h))), output [h', h] (residual concatenation). The ReLU is
 * applied while the output is assembled, and its backward pass while the inner layers' part of the gradient is
 * taken out: a layer of its own cost two more passes over the batch each way.
 */
public final class ResidualBlock implements Layer {
    private final Sequential inner; // the linear layer, then batch norm if any
    private final int in;
    private final int out;
    private Matrix preActivation; // the inner layers' output in the last training pass: the ReLU's slopes
    private final Scratch outputScratch = new Scratch();
    private final Scratch gradientScratch = new Scratch(); // the inner layers' part of dL/d(output)

    public ResidualBlock(int in, int out, SplittableRandom rng) {
        this(in, out, true, rng);
    }

    /** Without batch norm: h' = ReLU(Linear(h)) (synthcity's residual MLP). */
    public ResidualBlock(int in, int out, boolean batchNorm, SplittableRandom rng) {
        this.in = in;
        this.out = out;
        Linear linear = new Linear(in, out, rng).writesOverItsOutputs(); // read by batch norm or ReLU only
        inner = new Sequential(batchNorm ? List.of(linear, new BatchNorm(out)) : List.of(linear));
    }

    /** The batch-norm layer, or null. */
    public BatchNorm batchNorm() {
        return inner.layers().stream().filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).findFirst().orElse(null);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix z = inner.forward(x, training);
        Matrix y = training ? outputScratch.take(x.rows, out + in) : new Matrix(x.rows, out + in);
        double[] zRow = new double[out]; // rows in arrays of their own, for loops HotSpot vectorises (see BatchNorm)
        double[] hRow = new double[out];
        for (int r = 0; r < x.rows; r++) {
            System.arraycopy(z.data, r * out, zRow, 0, out);
            relu(zRow, hRow);
            System.arraycopy(hRow, 0, y.data, r * (out + in), out);
            System.arraycopy(x.data, r * in, y.data, r * (out + in) + out, in);
        }
        if (training) {
            preActivation = z;
        }
        return y;
    }

    private static void relu(double[] z, double[] h) {
        for (int j = 0; j < z.length; j++) {
            h[j] = LeakyRelu.apply(z[j], 0);
        }
    }

    /** The inner layers' part of dL/d(output): g's first out columns times the ReLU's slopes. */
    private Matrix innerGradient(Matrix g) {
        if (preActivation == null) {
            throw new IllegalStateException("a residual block's backward pass needs a forward pass in training mode first");
        }
        Matrix d = gradientScratch.take(g.rows, out);
        double[] gRow = new double[out];
        double[] zRow = new double[out];
        double[] dRow = new double[out];
        for (int r = 0; r < g.rows; r++) {
            System.arraycopy(g.data, r * g.cols, gRow, 0, out);
            System.arraycopy(preActivation.data, r * out, zRow, 0, out);
            reluGradient(gRow, zRow, dRow);
            System.arraycopy(dRow, 0, d.data, r * out, out);
        }
        return d;
    }

    private static void reluGradient(double[] g, double[] z, double[] d) {
        for (int j = 0; j < g.length; j++) {
            d[j] = g[j] * LeakyRelu.slopeAt(z[j], 0);
        }
    }

    @Override
    public Matrix backward(Matrix g) {
        return backward(g, in);
    }

    /**
     * The first {@code columns} of dL/d(input): the inner layers' part plus the skip's, read from g's first
     * out + columns columns.
     */
    @Override
    public Matrix backward(Matrix g, int columns) {
        int width = Math.max(0, Math.min(columns, in));
        Matrix d = inner.backward(innerGradient(g), width);
        double[] dd = d.data;
        double[] gd = g.data;
        for (int r = 0; r < d.rows; r++) {
            int o = r * width;
            int skip = r * g.cols + out;
            for (int j = 0; j < width; j++) {
                dd[o + j] += gd[skip + j];
            }
        }
        return d;
    }

    @Override
    public int outputColumnsNeeded(int inputColumns) {
        return out + Math.max(0, Math.min(inputColumns, in));
    }

    @Override
    public void backwardToParameters(Matrix g) {
        inner.backwardToParameters(innerGradient(g));
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }
}
