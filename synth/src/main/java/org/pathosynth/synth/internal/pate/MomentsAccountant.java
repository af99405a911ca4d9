package org.pathosynth.synth.internal.pate;

/**
 * The moments accountant of PATE for Laplace-noised votes with noise parameter λ (noise scale 1/λ).
 * For each order l = 1..100 it sums a bound α(l) on the log moment of every answered query, and
 * ε(δ) = min_l (Σα(l) + ln(1/δ)) / l. {@link #charge(int, int)} uses the data-dependent bound of
 * Papernot et al. (Theorem 3), clipped to the data-independent 2λ²l(l+1), as synthcity's PATE-GAN does
 * (without its exponent typo 2λl + 1: with the default λ = 1e-3 the clip is active either way);
 * {@link #chargeWorstCase(long)} charges the data-independent bound, which is what smartnoise's
 * PATE-CTGAN accountant ends up charging for every query.
 */
public final class MomentsAccountant {
    public static final int ORDERS = 100;

    private final double lambda;
    private final double[] logMoments = new double[ORDERS + 1]; // index = order l
    private long queries;

    public MomentsAccountant(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
        }
        this.lambda = lambda;
    }

    /** One answered query whose teachers voted n0 "fake" and n1 "real". */
    public void charge(int n0, int n1) {
        double gap = lambda * Math.abs(n0 - n1);
        double q = (2 + gap) / (4 * Math.exp(gap));
        // the data-dependent bound holds only for a clear enough majority
        boolean dataDependent = q < (Math.exp(2 * lambda) - 1) / (Math.exp(4 * lambda) - 1);
        for (int l = 1; l <= ORDERS; l++) {
            double bound = dataIndependent(l);
            double a = bound;
            double denominator = 1 - Math.exp(2 * lambda) * q;
            if (dataDependent && denominator > 0) {
                double t = (1 - q) * Math.pow((1 - q) / denominator, l) + q * Math.exp(2 * lambda * l);
                a = Math.max(0, Math.min(Math.log(t), bound));
            }
            logMoments[l] += a;
        }
        queries++;
    }

    /** count queries charged at the data-independent bound. */
    public void chargeWorstCase(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        for (int l = 1; l <= ORDERS; l++) {
            logMoments[l] += count * dataIndependent(l);
        }
        queries += count;
    }

    private double dataIndependent(int l) {
        return 2 * lambda * lambda * l * (l + 1);
    }

    /** The ε spent so far for this δ. */
    public double epsilon(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= ORDERS; l++) {
            best = Math.min(best, (logMoments[l] + Math.log(1 / delta)) / l);
        }
        return best;
    }

    public long queries() {
        return queries;
    }

    public double lambda() {
        return lambda;
    }
}
