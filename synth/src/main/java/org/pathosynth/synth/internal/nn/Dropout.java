package org.pathosynth.synth.internal.nn;

import java.util.SplittableRandom;

/** Inverted dropout: in training, each unit is zeroed with probability p and the rest scaled by 1/(1−p). */
final class Dropout implements Layer {
    private final double p;
    private SplittableRandom rng;
    private double[] mask;

    public Dropout(double p, SplittableRandom rng) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        mask = new double[x.data.length];
        Matrix y = x.zerosLike();
        double keep = 1 / (1 - p);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = !training || p == 0 ? 1 : rng.nextDouble() < p ? 0 : keep;
            y.data[i] = x.data[i] * mask[i];
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        Matrix d = g.zerosLike();
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = g.data[i] * mask[i];
        }
        return d;
    }

    /** Replaces the random source (masks, noise): gradient checks replay one draw. */
    void reseed(long seed) {
        rng = new SplittableRandom(seed);
    }
}
