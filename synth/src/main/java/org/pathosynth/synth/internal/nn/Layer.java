package org.pathosynth.synth.internal.nn;

import java.util.List;

/**
 * One differentiable step. {@code forward} keeps what {@code backward} needs; {@code backward}
 * takes dL/d(output), adds dL/d(parameters) into the parameters' gradients and returns dL/d(input).
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

    default List<Parameter> parameters() {
        return List.of();
    }
}
