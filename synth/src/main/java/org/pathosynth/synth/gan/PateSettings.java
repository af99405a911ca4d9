package org.pathosynth.synth.gan;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.pate.MomentsAccountant;

/**
 * What both PATE fits are set with beside their networks: the ε to spend, δ (NaN: 1/(N·√N)), the vote noise λ, the cap
 * on outer iterations, the batch size, the training seed and the early-stop check.
 */
record PateSettings(double epsilon, double delta, double lambda, int maxIterations, int batch, long seed, BooleanSupplier stop,
                    boolean acceptDataDomains) {

    /** δ for {@code rows} training rows: as given, or 1/(N·√N). */
    double delta(int rows) {
        return Double.isNaN(delta) ? 1 / (rows * Math.sqrt(rows)) : delta;
    }

    /**
     * The guarantee of a finished fit: the ε the accountant has spent at {@code delta}, stated with what it covers.
     *
     * @param coverage which uses of the real rows the ε covers and which it does not
     */
    PrivacyGuarantee spent(MomentsAccountant accountant, double delta, int teachers, String mechanism, String coverage) {
        double spent = accountant.epsilon(delta);
        return new PrivacyGuarantee(spent, delta, mechanism,
                String.format(Locale.ROOT, "epsilon %.4g spent (asked %.4g) over %d labelled generated rows, lambda %.3g, %d teachers. ",
                        spent, epsilon, accountant.queries(), lambda, teachers) + coverage);
    }
}
