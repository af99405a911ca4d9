package org.pathosynth.core.synthesis;

/**
 * The formal privacy a fitted synthesizer gives its training rows. {@code epsilon} is
 * {@link Double#POSITIVE_INFINITY} when there is no differential-privacy guarantee.
 *
 * @param mechanism e.g. {@code "zCDP Gaussian (MST)"}, or {@code "none"}
 * @param note a plain-language statement of what the guarantee covers (or why there is none)
 */
public record PrivacyGuarantee(double epsilon, double delta, String mechanism, String note) {
    public PrivacyGuarantee {
        if (Double.isNaN(epsilon) || epsilon <= 0) {
            throw new IllegalArgumentException("epsilon must be > 0 (or +infinity for no guarantee), got " + epsilon);
        }
        if (Double.isNaN(delta) || delta < 0 || delta >= 1) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
    }

    /** No differential privacy: epsilon = infinity. */
    public static PrivacyGuarantee none(String note) {
        return new PrivacyGuarantee(Double.POSITIVE_INFINITY, 0.0, "none", note);
    }

    public boolean isDifferentiallyPrivate() {
        return Double.isFinite(epsilon);
    }
}
