package org.pathosynth.synth.internal.pate;

/**
 * The moments accountant of PATE for Laplace-noised votes with noise parameter λ (noise scale 1/λ). Every answered
 * query costs the data-independent bound 2λ²l(l+1) on its log moment of order l = 1..100, so after Q queries
 * ε(δ) = min_l (Q·2λ²l(l+1) + ln(1/δ)) / l: the query count is all the state there is.
 *
 * <p>The data-dependent bound of Papernot et al. (Theorem 3) is not offered: it is computed from the votes before
 * noise, so a training that stops on it, or an ε stated from it, discloses something the noise was meant to hide
 * (their paper releases it only through smooth sensitivity). With the references' default λ = 1e-3 it equals the
 * data-independent bound anyway.
 */
public final class MomentsAccountant {
    public static final int ORDERS = 100;

    private final double lambda;
    private long queries;

    public MomentsAccountant(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
        }
        this.lambda = lambda;
    }

    /** count answered queries. */
    public void charge(long count) {
        requireCount(count);
        queries += count;
    }

    /** The ε spent so far for this δ. */
    public double epsilon(double delta) {
        return epsilonAfter(0, delta);
    }

    /** The ε that would be spent for this δ after {@code count} more queries; nothing is charged. */
    public double epsilonAfter(long count, double delta) {
        requireCount(count);
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= ORDERS; l++) {
            best = Math.min(best, ((queries + count) * dataIndependent(l) + Math.log(1 / delta)) / l);
        }
        return best;
    }

    /** Whether {@code count} more queries keep the ε spent at δ within {@code budget}. */
    public boolean affords(long count, double budget, double delta) {
        return epsilonAfter(count, delta) <= budget;
    }

    private double dataIndependent(int l) {
        return 2 * lambda * lambda * l * (l + 1);
    }

    private static void requireCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    public long queries() {
        return queries;
    }

    public double lambda() {
        return lambda;
    }
}
