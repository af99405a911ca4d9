package org.pathosynth.synth.internal.nn;

import java.util.List;

/**
 * One differentiable step. {@code forward} keeps what {@code backward} needs; {@code backward}
 * takes dL/d(output), adds dL/d(parameters) into the parameters' gradients and returns dL/d(input).
 * In training, a layer may write its next pass's matrices over those it returned (see {@link Scratch}): a caller
 * that keeps one beyond that copies it. The outputs of the generator's and the critic's last layers and the critic's
 * input gradient, which their callers keep, are always new matrices.
 */
public interface Layer {
    Matrix forward(Matrix x, boolean training);

    Matrix backward(Matrix gradOutput);

    /**
     * Backward pass for a caller that needs only the parameters' gradients (the first layer of a network):
     * layers may skip computing dL/d(input).
     */
    default void backwardToParameters(Matrix gradOutput) {
        backward(gradOutput);
    }

    /**
     * dL/d(input) in its first {@code columns} columns only, for a caller that reads no more (a residual block's
     * skip carries the noise and the condition down to the first layer, which needs none of their gradients):
     * layers may skip computing the rest. {@code gradOutput} may itself hold only the first
     * {@link #outputColumnsNeeded} columns.
     */
    default Matrix backward(Matrix gradOutput, int columns) {
        Matrix d = backward(gradOutput);
        return columns >= d.cols ? d : d.columns(0, columns);
    }

    /**
     * How many leading columns of dL/d(output) {@link #backward(Matrix, int)} reads to give {@code inputColumns}
     * columns of dL/d(input) ({@code 0}: only the parameters' gradients); {@link Integer#MAX_VALUE} for all.
     */
    default int outputColumnsNeeded(int inputColumns) {
        return Integer.MAX_VALUE;
    }

    default List<Parameter> parameters() {
        return List.of();
    }
}
