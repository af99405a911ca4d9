package org.pathosynth.synth.internal.nn;

/**
 * A run of generator output columns and its activation: tanh for a scalar, (Gumbel-)softmax for a
 * one-hot block.
 */
public record OutputSpan(int start, int width, Kind kind) {
    public enum Kind { TANH, SOFTMAX }

    public int end() {
        return start + width;
    }
}
