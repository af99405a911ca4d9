package org.pathosynth.synth.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

/** CTGAN's generator block: h' = ReLU(BatchNorm(Linear(h))), output [h', h] (residual concatenation). */
public final class ResidualBlock implements Layer {
    private final Sequential inner;
    private final int in;

    public ResidualBlock(int in, int out, SplittableRandom rng) {
        this(in, out, true, rng);
    }

    /** Without batch norm: h' = ReLU(Linear(h)) (synthcity's residual MLP). */
    public ResidualBlock(int in, int out, boolean batchNorm, SplittableRandom rng) {
        this.in = in;
        Linear linear = new Linear(in, out, rng);
        inner = new Sequential(batchNorm ? List.of(linear, new BatchNorm(out), LeakyRelu.relu()) : List.of(linear, LeakyRelu.relu()));
    }

    /** The batch-norm layer, or null. */
    public BatchNorm batchNorm() {
        return inner.layers().stream().filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).findFirst().orElse(null);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        return Matrix.concat(inner.forward(x, training), x);
    }

    @Override
    public Matrix backward(Matrix g) {
        int outWidth = g.cols - in;
        Matrix d = inner.backward(g.columns(0, outWidth));
        Matrix skip = g.columns(outWidth, g.cols);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] += skip.data[i];
        }
        return d;
    }

    @Override
    public void backwardToParameters(Matrix g) {
        inner.backwardToParameters(g.columns(0, g.cols - in));
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }
}
