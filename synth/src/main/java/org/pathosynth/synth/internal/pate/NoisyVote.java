package org.pathosynth.synth.internal.pate;

import java.util.random.RandomGenerator;

/**
 * PATE's noisy aggregation of binary teacher votes: the "real" count plus Laplace(1/λ) noise, against half the
 * teachers. The noise source is the caller's: {@link java.security.SecureRandom} unless a test seeds it.
 */
public final class NoisyVote {
    private NoisyVote() {
    }

    /** True ("real") when votesReal + Lap(1/λ) exceeds teachers / 2. */
    public static boolean real(int votesReal, int teachers, double lambda, RandomGenerator noise) {
        return votesReal + laplace(1 / lambda, noise) > teachers / 2.0;
    }

    /** A Laplace(0, scale) draw by inversion. */
    public static double laplace(double scale, RandomGenerator noise) {
        double u = noise.nextDouble() - 0.5;
        return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }
}
