package org.pathosynth.synth.gan;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.dp.Zcdp;
import org.pathosynth.synth.internal.pate.MomentsAccountant;

/**
 * What both PATE fits are set with beside their networks: the ε budget, δ (NaN: 1/(N·√N)), the vote noise λ, the cap
 * on outer iterations, the batch size, the training seed, the seed of the privacy noise (null: {@link SecureRandom}),
 * the early-stop check, whether the encoders read the rows without noise (the references' way) and otherwise the shares
 * of the budget their noisy marginals may take (largest first: the first whose votes can pay for a batch is used), the
 * attributes those marginals measure (null: every attribute of the schema), whether sampled rows are brought to those
 * marginals, whether numeric columns may also get a noisy histogram of their exact values, and what model of the
 * marginals is measured.
 */
record PateSettings(double epsilon, double delta, double lambda, int maxIterations, int batch, long seed, Long noiseSeed,
                    BooleanSupplier stop, boolean acceptDataDomains, boolean dataEncoders, List<Double> marginalShares,
                    java.util.Set<String> attributes, boolean calibrateMarginals, boolean valueHistograms,
                    MarginalModel marginalModel) {
    /** The δ an MST or AIM marginal model converts its ε at: any δ gives back the ρ it was given. */
    static final double MODEL_DELTA = 1e-9;

    PateSettings {
        marginalShares = List.copyOf(marginalShares);
        if (marginalShares.isEmpty()) {
            throw new IllegalArgumentException("at least one marginal share");
        }
        for (int i = 1; i < marginalShares.size(); i++) {
            if (!(marginalShares.get(i) < marginalShares.get(i - 1))) {
                throw new IllegalArgumentException("marginal shares must be tried largest first, got " + marginalShares);
            }
        }
    }

    /** δ for {@code rows} training rows: as given, or 1/(N·√N). */
    double delta(int rows) {
        return Double.isNaN(delta) ? 1 / (rows * Math.sqrt(rows)) : delta;
    }

    /**
     * Where the noise of the marginals and the votes comes from: unpredictable unless a test set a noise seed. One
     * source per fit, so that a seeded marginal noise and vote noise are not the same sequence.
     */
    RandomGenerator noise() {
        return noiseSeed == null ? new SecureRandom() : new SplittableRandom(noiseSeed);
    }

    /** The zCDP ρ of the whole budget at {@code delta}. */
    double rho(double delta) {
        return Zcdp.rho(epsilon, delta);
    }

    /** The ρ the noisy marginals get, one-way or a model's (0 when the encoders read the rows). */
    double marginalRho(double delta) {
        return dataEncoders ? 0 : share(delta) * rho(delta);
    }

    /**
     * The marginals' share of ρ at {@code delta}: the first of the shares whose votes can still pay for one batch, or
     * the last (then refused by {@link #affordsBatch}). One share when the caller set it; a default tries larger shares
     * first. A function of the settings only (ε, δ, λ, the batch, the marginal model and whether histograms are
     * measured; N only through the default δ), so choosing it reads no row. For one-way marginals it counts the
     * histograms' whole cap, so it may pass over a share where no histogram would have been measured.
     */
    double share(double delta) {
        for (double share : marginalShares.subList(0, marginalShares.size() - 1)) {
            if (votesAffordABatch(share, delta)) {
                return share;
            }
        }
        return marginalShares.get(marginalShares.size() - 1);
    }

    private boolean votesAffordABatch(double share, double delta) {
        double marginals = share * rho(delta);
        // what the fit's accountant will be told: an MST or AIM model spends the ρ its (ε, δ) convert back to, which
        // may differ from share·ρ in the last digits; the margin keeps a share on the edge from being chosen and then
        // refused
        double spent = marginalModel == MarginalModel.ONE_WAY ? marginals + histogramCap(marginals, delta)
                : Zcdp.rho(Zcdp.epsilon(marginals, MODEL_DELTA), MODEL_DELTA);
        return accountant(spent * (1 + 1e-9)).affords(batch, epsilon, delta);
    }

    /**
     * The most the histograms of exact values may take, on top of the marginals and so from the votes: a fifth of what
     * the votes would get (0 when turned off, when the encoders read the rows, or when an MST or AIM model measures
     * its own histograms within its share).
     */
    double histogramRho(double delta) {
        return dataEncoders ? 0 : histogramCap(marginalRho(delta), delta);
    }

    /** A fifth of what the votes get after {@code marginals}, with one-way marginals and histograms on; else 0. */
    private double histogramCap(double marginals, double delta) {
        return !valueHistograms || marginalModel != MarginalModel.ONE_WAY ? 0 : 0.2 * (rho(delta) - marginals);
    }

    /** A fresh accountant for this λ, after the encoders' measurements. */
    MomentsAccountant accountant(double priorRho) {
        return new MomentsAccountant(lambda, priorRho);
    }

    /**
     * Whether one more batch of votes keeps the ε spent within the budget; throws when not even the first batch fits,
     * since a generator that never heard a vote would be noise.
     */
    boolean affordsBatch(MomentsAccountant accountant, double delta) {
        boolean affords = accountant.affords(batch, epsilon, delta);
        if (!affords && accountant.queries() == 0) {
            // with the references' encoders nothing is measured, so no share is spent and none is named
            String share = dataEncoders ? "" : " and marginal_share " + share(delta);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "epsilon %s cannot pay for one batch of %d teacher votes at delta %.3g, lambda %s%s (that takes "
                            + "epsilon %.4g): raise epsilon, or lower the batch size, lambda%s",
                    epsilon, batch, delta, lambda, share, accountant.epsilonAfter(batch, delta),
                    dataEncoders ? "" : " or marginal_share"));
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
        String noise = noiseSeed == null ? (dataEncoders || marginalModel == MarginalModel.ONE_WAY
                ? "Noise drawn from SecureRandom. "
                : "Noise drawn from SecureRandom (the marginal model's from a generator seeded by it). ")
                : "Noise from the seed given for tests: reproducible, and predictable by whoever knows the seed. ";
        return new PrivacyGuarantee(spent, delta, mechanism,
                String.format(Locale.ROOT, "epsilon %.4g spent of %s asked (zCDP rho %.4g: %.4g on the encoders' marginals, "
                                + "%.4g on the votes), over %d labelled generated rows, each charged the data-independent bound; "
                                + "voting stops before a batch that would spend more. lambda %s, %d teachers. ",
                        spent, epsilon, accountant.rho(), accountant.priorRho(), accountant.rho() - accountant.priorRho(),
                        accountant.queries(), lambda, teachers) + noise + coverage);
    }
}
