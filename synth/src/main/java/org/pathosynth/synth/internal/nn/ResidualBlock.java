package org.pathosynth.synth.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

/** CTGAN's generator block: h' = ReLU(BatchNorm(Linear(h))), output [h', h] (residual concatenation). */
public final class ResidualBlock implements Layer {
    private final Sequential inner;
    private final int in;
    private final int out;
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
        inner = new Sequential(batchNorm ? List.of(linear, new BatchNorm(out), LeakyRelu.relu()) : List.of(linear, LeakyRelu.relu()));
    }

    /** The batch-norm layer, or null. */
    public BatchNorm batchNorm() {
        return inner.layers().stream().filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).findFirst().orElse(null);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix h = inner.forward(x, training);
        return Matrix.concat(h, x, training ? outputScratch.take(x.rows, h.cols + x.cols) : null);
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
        Matrix d = inner.backward(g.columns(0, out, gradientScratch.take(g.rows, out)), width);
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
        inner.backwardToParameters(g.columns(0, out, gradientScratch.take(g.rows, out)));
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }
}
