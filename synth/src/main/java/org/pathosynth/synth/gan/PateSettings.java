package org.pathosynth.synth.gan;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.pate.MomentsAccountant;

/**
 * What both PATE fits are set with beside their networks: the ε budget, δ (NaN: 1/(N·√N)), the vote noise λ, the cap
 * on outer iterations, the batch size, the training seed, the seed of the vote noise (null: {@link SecureRandom}) and
 * the early-stop check.
 */
record PateSettings(double epsilon, double delta, double lambda, int maxIterations, int batch, long seed, Long noiseSeed,
                    BooleanSupplier stop, boolean acceptDataDomains) {

    /** δ for {@code rows} training rows: as given, or 1/(N·√N). */
    double delta(int rows) {
        return Double.isNaN(delta) ? 1 / (rows * Math.sqrt(rows)) : delta;
    }

    /** Where the Laplace noise on the votes comes from: unpredictable unless a test set a noise seed. */
    RandomGenerator voteNoise() {
        return noiseSeed == null ? new SecureRandom() : new SplittableRandom(noiseSeed);
    }

    /** A fresh accountant for this λ. */
    MomentsAccountant accountant() {
        return new MomentsAccountant(lambda);
    }

    /**
     * Whether one more batch of votes keeps the ε spent within the budget; throws when not even the first batch fits,
     * since a generator that never heard a vote would be noise.
     */
    boolean affordsBatch(MomentsAccountant accountant, double delta) {
        boolean affords = accountant.affords(batch, epsilon, delta);
        if (!affords && accountant.queries() == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "epsilon %s cannot pay for one batch of %d teacher votes at delta %.3g and lambda %s (that takes "
                            + "epsilon %.4g): raise epsilon, or lower the batch size or lambda",
                    epsilon, batch, delta, lambda, accountant.epsilonAfter(batch, delta)));
        }
        return affords;
    }

    /**
     * The guarantee of a finished fit: the ε the accountant has spent at {@code delta}, stated with what it covers.
     *
     * @param coverage which uses of the real rows the ε covers and which it does not
     */
    PrivacyGuarantee spent(MomentsAccountant accountant, double delta, int teachers, String mechanism, String coverage) {
        double spent = accountant.epsilon(delta);
        String noise = noiseSeed == null ? "Vote noise drawn from SecureRandom. "
                : "Vote noise from the seed given for tests: reproducible, and predictable by whoever knows the seed. ";
        return new PrivacyGuarantee(spent, delta, mechanism,
                String.format(Locale.ROOT, "epsilon %.4g spent of %s asked, over %d labelled generated rows, each charged the "
                                + "data-independent bound; training stops before a batch that would spend more. lambda %s, %d teachers. ",
                        spent, epsilon, accountant.queries(), lambda, teachers) + noise + coverage);
    }
}
