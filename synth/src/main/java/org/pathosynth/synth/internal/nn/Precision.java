package org.pathosynth.synth.internal.nn;

/**
 * The arithmetic of matrix products. Training runs in {@link #SINGLE} like the PyTorch references
 * (half the memory traffic, so about 1.4 times faster on two cores); values between products stay
 * doubles. {@link #DOUBLE} is for finite-difference gradient checks, which float rounding would swamp.
 */
enum Precision {
    SINGLE,
    DOUBLE
}
