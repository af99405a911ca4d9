package org.pathosynth.synth.internal.nn;

import java.util.List;

/**
 * Batch normalisation over rows (PyTorch BatchNorm1d: γ = 1, β = 0, momentum 0.1, ε = 1e-5; the
 * running variance is updated with the unbiased batch variance, normalisation uses the biased one).
 */
public final class BatchNorm implements Layer {
    private static final double EPS = 1e-5;
    private static final double MOMENTUM = 0.1;
    public final int width;
    public final Parameter gamma;
    public final Parameter beta;
    public final double[] runningMean;
    public final double[] runningVar;
    private Matrix normalised;
    private double[] inverseStd;

    public BatchNorm(int width) {
        this.width = width;
        double[] g = new double[width];
        java.util.Arrays.fill(g, 1);
        gamma = new Parameter("gamma", g);
        beta = new Parameter("beta", new double[width]);
        runningMean = new double[width];
        runningVar = new double[width];
        java.util.Arrays.fill(runningVar, 1);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        int n = x.rows;
        double[] mean = new double[width];
        double[] var = new double[width];
        if (training) {
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < width; j++) {
                    mean[j] += x.data[r * width + j];
                }
            }
            for (int j = 0; j < width; j++) {
                mean[j] /= n;
            }
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < width; j++) {
                    double d = x.data[r * width + j] - mean[j];
                    var[j] += d * d;
                }
            }
            for (int j = 0; j < width; j++) {
                double biased = var[j] / n;
                runningMean[j] = (1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean[j];
                runningVar[j] = (1 - MOMENTUM) * runningVar[j] + MOMENTUM * (n > 1 ? var[j] / (n - 1) : biased);
                var[j] = biased;
            }
        } else {
            System.arraycopy(runningMean, 0, mean, 0, width);
            System.arraycopy(runningVar, 0, var, 0, width);
        }
        inverseStd = new double[width];
        for (int j = 0; j < width; j++) {
            inverseStd[j] = 1 / Math.sqrt(var[j] + EPS);
        }
        normalised = x.zerosLike();
        Matrix y = x.zerosLike();
        double[] xd = x.data;
        double[] hd = normalised.data;
        double[] yd = y.data;
        double[] gammas = gamma.value;
        double[] betas = beta.value;
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                double h = (xd[o + j] - mean[j]) * inverseStd[j];
                hd[o + j] = h;
                yd[o + j] = gammas[j] * h + betas[j];
            }
        }
        return y;
    }

    /** Training-mode gradient (the batch statistics depend on the input). */
    @Override
    public Matrix backward(Matrix g) {
        int n = g.rows;
        double[] sumG = new double[width];
        double[] sumGh = new double[width];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                int i = r * width + j;
                sumG[j] += g.data[i];
                sumGh[j] += g.data[i] * normalised.data[i];
            }
        }
        for (int j = 0; j < width; j++) {
            gamma.grad[j] += sumGh[j];
            beta.grad[j] += sumG[j];
        }
        double[] scale = new double[width]; // per column, not per entry: a division per entry took 2 % of a CTGAN fit
        for (int j = 0; j < width; j++) {
            scale[j] = gamma.value[j] * inverseStd[j] / n;
        }
        Matrix d = g.zerosLike();
        double[] gd = g.data;
        double[] hd = normalised.data;
        double[] dd = d.data;
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                dd[o + j] = scale[j] * (n * gd[o + j] - sumG[j] - hd[o + j] * sumGh[j]);
            }
        }
        return d;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }
}
