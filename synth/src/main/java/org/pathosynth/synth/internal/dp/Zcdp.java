package org.pathosynth.synth.internal.dp;

/**
 * Conversions between zero-concentrated differential privacy (ρ-zCDP, Bun and Steinke) and (ε, δ)-DP, with the tight
 * bound of Canonne, Kamath and Steinke. Every DP synthesizer accounts in ρ, since ρ adds up under composition: the
 * Gaussian measurements of MST, and PATE's Laplace-noised votes, each of which is (2λ)-DP and so 2λ²-zCDP.
 */
public final class Zcdp {
    private Zcdp() {
    }

    /** The largest ρ whose conversion has δ(ρ, ε) ≤ δ, by bisection on [0, ε + 1]. */
    public static double rho(double epsilon, double delta) {
        double lo = 0;
        double hi = epsilon + 1;
        for (int i = 0; i < 1000; i++) {
            double mid = (lo + hi) / 2;
            if (delta(mid, epsilon) <= delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The smallest ε with δ(ρ, ε) ≤ δ: what ρ-zCDP guarantees at this δ (0 for ρ = 0). */
    public static double epsilon(double rho, double delta) {
        if (rho == 0) {
            return 0;
        }
        double lo = 0;
        double hi = rho + 2 * Math.sqrt(rho * Math.log(1 / delta)) + 1; // the classic bound, which is never tighter
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (delta(rho, mid) <= delta) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** δ(ρ, ε) = min over α > 1 of exp((α−1)(αρ−ε) + α·ln(1 − 1/α)) / (α − 1), capped at 1. */
    public static double delta(double rho, double epsilon) {
        if (rho == 0) {
            return 0;
        }
        double aMin = 1.01;
        double aMax = (epsilon + 1) / (2 * rho) + 2;
        for (int i = 0; i < 1000; i++) { // the optimal α zeroes (2α − 1)ρ − ε + ln(1 − 1/α)
            double alpha = (aMin + aMax) / 2;
            double derivative = (2 * alpha - 1) * rho - epsilon + Math.log1p(-1 / alpha);
            if (derivative < 0) {
                aMin = alpha;
            } else {
                aMax = alpha;
            }
        }
        double alpha = (aMin + aMax) / 2;
        double delta = Math.exp((alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log1p(-1 / alpha)) / (alpha - 1);
        return Math.min(delta, 1.0);
    }
}
