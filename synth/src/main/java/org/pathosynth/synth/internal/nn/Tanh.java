package org.pathosynth.synth.internal.nn;

final class Tanh implements Layer {
    private Matrix output;

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix y = x.zerosLike();
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = Math.tanh(x.data[i]);
        }
        output = y;
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        Matrix d = g.zerosLike();
        for (int i = 0; i < d.data.length; i++) {
            double t = output.data[i];
            d.data[i] = g.data[i] * (1 - t * t);
        }
        return d;
    }
}
