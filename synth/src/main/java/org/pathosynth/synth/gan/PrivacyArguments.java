package org.pathosynth.synth.gan;

/** The checks the PATE builders share for their privacy settings. */
final class PrivacyArguments {
    private PrivacyArguments() {
    }

    static double epsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive number, got " + epsilon);
        }
        return epsilon;
    }

    static double delta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        return delta;
    }

    static double lambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
        }
        return lambda;
    }
}
