package org.pathosynth.synth.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

/** y = x·Wᵀ + b, W stored out × in; PyTorch's default initialisation (U(±1/√in) for W and b). */
public final class Linear implements Layer {
    public final int in;
    public final int out;
    public final Parameter weight;
    public final Parameter bias;
    private final WeightRows weightRows;
    private Matrix input;
    private final Scratch inputRows = new Scratch();
    private final Scratch gradientRows = new Scratch();
    private Scratch outputs; // set for a hidden layer: see writesOverItsOutputs
    private Scratch inputGradients; // likewise

    public Linear(int in, int out, SplittableRandom rng) {
        this.in = in;
        this.out = out;
        double bound = 1 / Math.sqrt(in); // Kaiming-uniform with a = √5 reduces to this bound
        double[] w = new double[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        double[] b = new double[out];
        for (int i = 0; i < b.length; i++) {
            b[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        weight = new Parameter("weight", w);
        bias = new Parameter("bias", b);
        weightRows = new WeightRows(weight, out, in);
    }

    public Matrix weightMatrix() {
        return new Matrix(out, in, weight.value);
    }

    /**
     * Makes this layer write each training pass's output and input gradient over the previous pass's instead of
     * allocating them: for a hidden layer, whose output only the next layer of the same network reads and whose
     * input gradient only the previous layer reads, within the pass.
     */
    Linear writesOverItsOutputs() {
        outputs = new Scratch();
        inputGradients = new Scratch();
        return this;
    }

    /** The weights as float rows for the products, kept until the weights change. */
    WeightRows weightRows() {
        return weightRows;
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        input = x;
        Matrix into = training && outputs != null ? outputs.take(x.rows, out) : null;
        Matrix y = Kernels.mulTransposed(x, weightRows, training ? inputRows : null, into);
        double[] b = bias.value;
        for (int r = 0; r < y.rows; r++) {
            int o = r * out;
            for (int j = 0; j < out; j++) {
                y.data[o + j] += b[j];
            }
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix g) {
        return backward(g, in);
    }

    @Override
    public void backwardToParameters(Matrix g) {
        addWeightGradient(g, input);
        add(bias.grad, Kernels.columnSums(g));
    }

    /** weight.grad += gᵀ · x, for a training pass (x: this layer's input, or a tangent of it). */
    void addWeightGradient(Matrix g, Matrix x) {
        Kernels.addTransposedMul(weight.grad, g, x, gradientRows);
    }

    /** dL/d(input) = g · W, without touching the parameters' gradients. */
    public Matrix inputGradient(Matrix g) {
        return Kernels.mul(g, weightRows);
    }

    /** {@link #inputGradient}, written over the previous pass's for a layer that {@link #writesOverItsOutputs}. */
    Matrix hiddenInputGradient(Matrix g) {
        return inputGradientColumns(g, in);
    }

    /** The first columns of g · W, written over the previous pass's if this layer writes over its outputs. */
    private Matrix inputGradientColumns(Matrix g, int columns) {
        return Kernels.mul(g, weightRows, columns, inputGradients == null ? null : inputGradients.take(g.rows, columns));
    }

    @Override
    public Matrix backward(Matrix g, int columns) {
        backwardToParameters(g);
        if (columns <= 0) {
            return new Matrix(g.rows, 0);
        }
        return inputGradientColumns(g, Math.min(columns, in));
    }

    static void add(double[] into, double[] x) {
        for (int i = 0; i < into.length; i++) {
            into[i] += x[i];
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
