package org.pathosynth.synth.internal.nn;

import java.util.List;

/**
 * An exponential moving average of a network's parameters, written back into them at the end of training. A GAN's
 * last iterate wanders around the equilibrium; the average of the recent iterates is closer to it and varies less from
 * seed to seed (Yazıcı et al., ICLR 2019).
 */
public final class ParameterAverage {
    private final List<Parameter> parameters;
    private final double[][] average;
    private final double decay;
    private long updates;

    /** @param decay the weight of the average against each new iterate, in [0, 1) */
    public ParameterAverage(List<Parameter> parameters, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
        }
        this.parameters = List.copyOf(parameters);
        this.decay = decay;
        average = new double[this.parameters.size()][];
        for (int i = 0; i < average.length; i++) {
            average[i] = this.parameters.get(i).value.clone();
        }
    }

    /** Folds the parameters' current values into the average. */
    public void update() {
        updates++;
        // the first updates weigh more, so that the initial weights fade quickly (bias correction)
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        for (int i = 0; i < average.length; i++) {
            double[] a = average[i];
            double[] w = parameters.get(i).value;
            for (int k = 0; k < a.length; k++) {
                a[k] = d * a[k] + (1 - d) * w[k];
            }
        }
    }

    /** Writes the average into the parameters. */
    public void apply() {
        for (int i = 0; i < average.length; i++) {
            System.arraycopy(average[i], 0, parameters.get(i).value, 0, average[i].length);
            parameters.get(i).changed();
        }
    }
}
