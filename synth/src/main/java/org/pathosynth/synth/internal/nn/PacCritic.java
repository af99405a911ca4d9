package org.pathosynth.synth.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A WGAN critic: Linear → LeakyReLU → Dropout per hidden layer, then Linear → 1. Its input rows are
 * packs (pac consecutive rows flattened, as in PacGAN). Besides the usual backward pass it computes
 * the WGAN-GP gradient penalty λ·mean((‖∇ₓ C(x̂)‖ − 1)²) and its gradient with respect to the
 * weights. The input gradient of this network is W₁ᵀ·D₁·W₂ᵀ·D₂·…·w, where D holds the
 * activation slopes times the dropout multipliers; the slopes are piecewise constant, so the
 * gradient of the penalty (a gradient of a gradient) is exact by reverse mode over that product.
 */
public final class PacCritic {
    private final List<Linear> linears = new ArrayList<>();
    private final double slope;
    private final double[] dropouts; // per hidden layer
    private SplittableRandom rng;
    // forward cache
    private double[][] slopes; // per hidden layer: the activation's slope at each entry times its dropout multiplier
    private double[][] trainingSlopes = new double[0][]; // the arrays behind slopes in training, reused pass to pass
    private double[] trainingMask = new double[0];

    public PacCritic(int in, int[] hidden, double slope, double dropout, SplittableRandom rng) {
        this(in, hidden, slope, filled(hidden.length, dropout), rng);
    }

    /** With a dropout rate per hidden layer (0 for none). */
    public PacCritic(int in, int[] hidden, double slope, double[] dropouts, SplittableRandom rng) {
        if (dropouts.length != hidden.length) {
            throw new IllegalArgumentException(hidden.length + " hidden layers but " + dropouts.length + " dropout rates");
        }
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("slope must be in [0, 1), got " + slope);
        }
        this.slope = slope;
        this.dropouts = dropouts.clone();
        this.rng = rng;
        int width = in;
        for (int h : hidden) {
            // its output is activated in place and kept by the next layer until its backward pass, within the pass
            linears.add(new Linear(width, h, rng).writesOverItsOutputs());
            width = h;
        }
        linears.add(new Linear(width, 1, rng));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        linears.forEach(l -> out.addAll(l.parameters()));
        return out;
    }

    /** Scores, one per input row. */
    public Matrix forward(Matrix x, boolean training) {
        int hiddenCount = linears.size() - 1;
        // training runs on one thread and needs one pass's slopes at a time; evaluation passes allocate
        double[][] layerSlopesOf = training && trainingSlopes.length == hiddenCount ? trainingSlopes
                : new double[hiddenCount][];
        if (training) {
            trainingSlopes = layerSlopesOf;
        }
        Matrix h = x;
        for (int l = 0; l < hiddenCount; l++) {
            Matrix z = linears.get(l).forward(h, training);
            int size = z.data.length;
            double[] mask = !training ? new double[size] : trainingMask.length == size ? trainingMask
                    : (trainingMask = new double[size]);
            double dropout = dropouts[l];
            if (training && dropout > 0) {
                double keep = 1 / (1 - dropout);
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = rng.nextDouble() < dropout ? 0 : keep;
                }
            } else {
                java.util.Arrays.fill(mask, 1);
            }
            // the activation and its slopes without a branch per entry (see LeakyRelu), over z in place: the linear
            // layer's output is this network's own
            double[] zd = z.data;
            double[] layerSlopes = layerSlopesOf[l] != null && layerSlopesOf[l].length == size ? layerSlopesOf[l]
                    : new double[size];
            double s = slope;
            for (int i = 0; i < size; i++) {
                double v = zd[i];
                layerSlopes[i] = LeakyRelu.slopeAt(v, s) * mask[i];
                zd[i] = LeakyRelu.apply(v, s) * mask[i];
            }
            layerSlopesOf[l] = layerSlopes;
            h = z;
        }
        slopes = layerSlopesOf;
        return linears.get(hiddenCount).forward(h, training);
    }

    /** Backward pass of the last {@link #forward}: adds weight gradients, returns dL/dx. */
    public Matrix backward(Matrix gScores) {
        return backward(gScores, true, true);
    }

    /** Backward pass that only adds the weights' gradients (a critic update). */
    public void backwardToParameters(Matrix gScores) {
        backward(gScores, true, false);
    }

    /** dL/dx of the last {@link #forward}, leaving the weights' gradients alone (a generator update). */
    public Matrix backwardToInput(Matrix gScores) {
        return backward(gScores, false, true);
    }

    private Matrix backward(Matrix gScores, boolean toParameters, boolean toInput) {
        int hiddenCount = linears.size() - 1;
        Matrix g = gScores;
        for (int l = hiddenCount; l >= 0; l--) {
            Linear linear = linears.get(l);
            if (toParameters) {
                linear.backwardToParameters(g);
            }
            if (l == 0 && !toInput) {
                return null;
            }
            g = l > 0 ? linear.hiddenInputGradient(g) : linear.inputGradient(g); // the first one is the caller's
            if (l > 0) {
                double[] layerSlopes = slopes[l - 1];
                double[] gd = g.data;
                for (int i = 0; i < gd.length; i++) {
                    gd[i] *= layerSlopes[i];
                }
            }
        }
        return g;
    }

    /** ∇ₓ of the score of each row at x (after a forward pass on x), as rows. */
    Matrix inputGradient(Matrix[] tangentOut) {
        int hiddenCount = linears.size() - 1;
        double[] w = linears.get(hiddenCount).weight.value; // 1 × width
        int rows = slopes[hiddenCount - 1].length / w.length;
        Matrix v = new Matrix(rows, w.length);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w.length; j++) {
                int i = r * w.length + j;
                v.data[i] = slopes[hiddenCount - 1][i] * w[j];
            }
        }
        tangentOut[hiddenCount - 1] = v;
        for (int l = hiddenCount - 1; l >= 1; l--) {
            Matrix u = Kernels.mul(v, linears.get(l).weightRows());
            for (int i = 0; i < u.data.length; i++) {
                u.data[i] *= slopes[l - 1][i];
            }
            v = u;
            tangentOut[l - 1] = v;
        }
        return Kernels.mul(v, linears.get(0).weightRows());
    }

    /**
     * Runs the critic on x̂ (training mode: fresh dropout masks), adds the gradient of
     * λ·mean_rows((‖∇ₓC‖ − 1)²) to the weights and returns the penalty.
     */
    public double gradientPenalty(Matrix xHat, double lambda) {
        forward(xHat, true);
        int hiddenCount = linears.size() - 1;
        Matrix[] v = new Matrix[hiddenCount];
        Matrix g = inputGradient(v);
        int rows = g.rows;
        Matrix gBar = g; // scaled in place, row by row, once the row's norm is known
        double penalty = 0;
        for (int r = 0; r < rows; r++) {
            double sq = 0;
            for (int j = 0; j < g.cols; j++) {
                double x = g.data[r * g.cols + j];
                sq += x * x;
            }
            double norm = Math.sqrt(sq);
            penalty += (norm - 1) * (norm - 1);
            double coef = norm > 0 ? lambda * 2 * (norm - 1) / norm / rows : 0;
            for (int j = 0; j < g.cols; j++) {
                gBar.data[r * g.cols + j] = coef * g.data[r * g.cols + j];
            }
        }
        // G = V₁·W₁
        linears.get(0).addWeightGradient(v[0], gBar);
        Matrix vBar = Kernels.mulTransposed(gBar, linears.get(0).weightRows());
        for (int l = 1; l < hiddenCount; l++) {
            // V_{l-1} = D_{l-1} ⊙ (V_l · W_l), in place over the product
            Matrix uBar = vBar;
            for (int i = 0; i < uBar.data.length; i++) {
                uBar.data[i] = vBar.data[i] * slopes[l - 1][i];
            }
            linears.get(l).addWeightGradient(v[l], uBar);
            vBar = Kernels.mulTransposed(uBar, linears.get(l).weightRows());
        }
        // V_last = D_last ⊙ w
        double[] wGrad = linears.get(hiddenCount).weight.grad;
        int width = wGrad.length;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                int i = r * width + j;
                wGrad[j] += vBar.data[i] * slopes[hiddenCount - 1][i];
            }
        }
        return lambda * penalty / rows;
    }

    /** Replaces the random source (masks, noise): gradient checks replay one draw. */
    void reseed(long seed) {
        rng = new SplittableRandom(seed);
    }
}
