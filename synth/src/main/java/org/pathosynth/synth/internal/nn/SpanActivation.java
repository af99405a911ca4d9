package org.pathosynth.synth.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's output activation: tanh on scalar spans and Gumbel-softmax (soft, temperature τ)
 * on one-hot spans. The Gumbel noise is drawn in the forward pass and treated as a constant.
 */
public final class SpanActivation implements Layer {
    // the spans as arrays: the loops run once per row of every batch, and iterating a list there took 3 % of a
    // CTGAN fit
    private final int[] starts;
    private final int[] ends;
    private final boolean[] tanh;
    private final double tau;
    private SplittableRandom rng;
    private Matrix output;

    public SpanActivation(List<OutputSpan> spans, double tau, SplittableRandom rng) {
        this.starts = spans.stream().mapToInt(OutputSpan::start).toArray();
        this.ends = spans.stream().mapToInt(OutputSpan::end).toArray();
        this.tanh = new boolean[spans.size()];
        for (int i = 0; i < tanh.length; i++) {
            tanh[i] = spans.get(i).kind() == OutputSpan.Kind.TANH;
        }
        this.tau = tau;
        this.rng = rng;
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix y = x.zerosLike();
        int w = x.cols;
        double[] z = new double[w];
        for (int r = 0; r < x.rows; r++) {
            int o = r * w;
            for (int span = 0; span < starts.length; span++) {
                int start = starts[span];
                int end = ends[span];
                if (tanh[span]) {
                    for (int j = start; j < end; j++) {
                        y.data[o + j] = Math.tanh(x.data[o + j]);
                    }
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int j = start; j < end; j++) {
                    double u = rng == null ? 0.5 : rng.nextDouble();
                    double gumbel = rng == null ? 0 : -Math.log(-Math.log(Math.max(u, 1e-300)) + 1e-20);
                    z[j] = (x.data[o + j] + gumbel) / tau;
                    max = Math.max(max, z[j]);
                }
                double sum = 0;
                for (int j = start; j < end; j++) {
                    z[j] = Math.exp(z[j] - max);
                    sum += z[j];
                }
                for (int j = start; j < end; j++) {
                    y.data[o + j] = z[j] / sum;
                }
            }
        }
        output = y;
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        Matrix d = g.zerosLike();
        int w = g.cols;
        for (int r = 0; r < g.rows; r++) {
            int o = r * w;
            for (int span = 0; span < starts.length; span++) {
                int start = starts[span];
                int end = ends[span];
                if (tanh[span]) {
                    for (int j = start; j < end; j++) {
                        double t = output.data[o + j];
                        d.data[o + j] = g.data[o + j] * (1 - t * t);
                    }
                    continue;
                }
                double dot = 0;
                for (int j = start; j < end; j++) {
                    dot += g.data[o + j] * output.data[o + j];
                }
                for (int j = start; j < end; j++) {
                    d.data[o + j] = output.data[o + j] * (g.data[o + j] - dot) / tau;
                }
            }
        }
        return d;
    }

    /** Replaces the random source (masks, noise): gradient checks replay one draw. */
    public void reseed(long seed) {
        rng = new SplittableRandom(seed);
    }
}
