package org.pathosynth.synth.internal.nn;

/** max(x, slope·x); slope 0 is ReLU. */
final class LeakyRelu implements Layer {
    private final double slope;
    private Matrix input;

    public LeakyRelu(double slope) {
        this.slope = slope;
    }

    public static LeakyRelu relu() {
        return new LeakyRelu(0);
    }

    double derivative(double x) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        input = x;
        Matrix y = x.zerosLike();
        for (int i = 0; i < y.data.length; i++) {
            double v = x.data[i];
            y.data[i] = v > 0 ? v : slope * v;
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        Matrix d = g.zerosLike();
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = input.data[i] > 0 ? g.data[i] : slope * g.data[i];
        }
        return d;
    }
}
