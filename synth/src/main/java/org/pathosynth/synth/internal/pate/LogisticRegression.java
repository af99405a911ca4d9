package org.pathosynth.synth.internal.pate;

/**
 * L2-regularised logistic regression fitted by Newton's method (scikit-learn's objective with C = 1:
 * ½‖w‖² + Σ log-loss, intercept not penalised). PATE-GAN's teachers: convex, so a fit is deterministic
 * and needs no seed; a few Newton steps on a few hundred rows take well under a millisecond per
 * feature, where synthcity's default (100 gradient-boosted trees of depth 6) would overfit blocks of
 * a few hundred rows and cost far more. With PATE-GAN's default vote noise (Laplace scale 1000 for 10
 * teachers) the teacher's accuracy cannot show through the noise in any case.
 */
public final class LogisticRegression {
    private final double[] weights; // last entry is the intercept

    private LogisticRegression(double[] weights) {
        this.weights = weights;
    }

    /**
     * @param x rows × features, row-major
     * @param y 0/1 labels
     */
    public static LogisticRegression fit(double[] x, int rows, int features, boolean[] y, int maxIterations) {
        if (rows == 0 || x.length != rows * features || y.length != rows) {
            throw new IllegalArgumentException("need rows × features values and one label per row");
        }
        int d = features + 1;
        double[] w = new double[d];
        for (int it = 0; it < maxIterations; it++) {
            double[] grad = new double[d];
            double[] hess = new double[d * d];
            for (int j = 0; j < features; j++) {
                grad[j] = w[j];
                hess[j * d + j] = 1;
            }
            for (int r = 0; r < rows; r++) {
                int o = r * features;
                double z = w[features];
                for (int j = 0; j < features; j++) {
                    z += w[j] * x[o + j];
                }
                double p = sigmoid(z);
                double e = p - (y[r] ? 1 : 0);
                double s = p * (1 - p);
                for (int j = 0; j < d; j++) {
                    double xj = j == features ? 1 : x[o + j];
                    grad[j] += e * xj;
                    if (s == 0) {
                        continue;
                    }
                    for (int k = 0; k <= j; k++) {
                        double xk = k == features ? 1 : x[o + k];
                        hess[j * d + k] += s * xj * xk;
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = j + 1; k < d; k++) {
                    hess[j * d + k] = hess[k * d + j];
                }
            }
            hess[d * d - 1] += 1e-8; // the unpenalised intercept: keep the system positive definite
            double[] step = solveCholesky(hess, grad, d);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new LogisticRegression(w);
    }

    /** P(label 1) for one row. */
    public double probability(double[] x, int offset) {
        int features = weights.length - 1;
        double z = weights[features];
        for (int j = 0; j < features; j++) {
            z += weights[j] * x[offset + j];
        }
        return sigmoid(z);
    }

    public double[] weights() {
        return weights.clone();
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double[] solveCholesky(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * n + j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }
}
