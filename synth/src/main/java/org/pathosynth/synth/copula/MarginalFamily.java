package org.pathosynth.synth.copula;

/** Marginal families for the numeric columns of the Gaussian copula. */
public enum MarginalFamily {
    /**
     * The observed distribution (default): exact for integers, interpolated between observed values
     * for real numbers. Best fidelity on the public tables (see the issue note for figures).
     */
    EMPIRICAL,
    /** SDV's default: a four-parameter beta by maximum likelihood, normal when the fit fails. */
    BETA,
    /** A normal by mean and standard deviation. */
    NORMAL
}
