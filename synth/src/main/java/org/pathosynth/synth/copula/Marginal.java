package org.pathosynth.synth.copula;

import java.util.random.RandomGenerator;

/** A one-dimensional distribution the copula maps to and from the uniform scale. */
interface Marginal {
    /** u in (0, 1) for an observed value. */
    double toUniform(double x, RandomGenerator rng);

    /** The value at probability u. */
    double fromUniform(double u);

    /** The family actually used (reported in the model description). */
    String family();
}
