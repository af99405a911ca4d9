package org.pathosynth.synth.internal.pate;

import org.pathosynth.synth.internal.dp.Zcdp;

/**
 * The privacy accountant of PATE for Laplace-noised votes with noise parameter λ (noise scale 1/λ). Every answered
 * query costs the data-independent bound on its log moment of order l, 2λ²l(l+1): that is 2λ²-zCDP, so after Q
 * queries the votes have spent ρ = 2λ²Q, added to the ρ spent before them ({@code priorRho}: the noisy one-way
 * marginals the encoders are built from), and ε(δ) is the tight zCDP conversion of the sum ({@link Zcdp#epsilon}).
 *
 * <p>The data-dependent bound of Papernot et al. (Theorem 3) is not offered: it is computed from the votes before
 * noise, so a training that stops on it, or an ε stated from it, discloses something the noise was meant to hide
 * (their paper releases it only through smooth sensitivity). With the references' default λ = 1e-3 it equals the
 * data-independent bound anyway.
 */
public final class MomentsAccountant {
    private final double lambda;
    private final double priorRho;
    private long queries;

    public MomentsAccountant(double lambda) {
        this(lambda, 0);
    }

    /** @param priorRho the zCDP ρ spent on the same rows before the first vote */
    public MomentsAccountant(double lambda, double priorRho) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
        }
        if (!(priorRho >= 0) || Double.isInfinite(priorRho)) {
            throw new IllegalArgumentException("prior rho must be a finite number >= 0, got " + priorRho);
        }
        this.lambda = lambda;
        this.priorRho = priorRho;
    }

    /** count answered queries. */
    public void charge(long count) {
        requireCount(count);
        queries += count;
    }

    /** The ε spent so far for this δ, the prior measurements included. */
    public double epsilon(double delta) {
        return epsilonAfter(0, delta);
    }

    /** The ε that would be spent for this δ after {@code count} more queries; nothing is charged. */
    public double epsilonAfter(long count, double delta) {
        requireCount(count);
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        return Zcdp.epsilon(rhoAfter(count), delta);
    }

    /** Whether {@code count} more queries keep the ε spent at δ within {@code budget}. */
    public boolean affords(long count, double budget, double delta) {
        return epsilonAfter(count, delta) <= budget;
    }

    /** ρ spent so far: the prior measurements and the votes. */
    public double rho() {
        return rhoAfter(0);
    }

    private double rhoAfter(long count) {
        return priorRho + 2 * lambda * lambda * (queries + count);
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

    public double priorRho() {
        return priorRho;
    }
}
