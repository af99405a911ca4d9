package org.pathosynth.synth.gan;

/**
 * What both PATE builders set the same way: ε, δ and the vote noise λ, the cap on outer iterations and the batch size.
 *
 * @param <B> the builder itself, so that setters chain in any order
 */
abstract class PateBuilder<B extends PateBuilder<B>> extends GanBuilder<B> {
    private double epsilon = 1;
    private double delta = Double.NaN;
    private double lambda = 1e-3;
    private int maxIterations;
    private int batch;
    private boolean acceptDataDomains;
    private Long noiseSeed;
    private boolean dataEncoders;
    /** The marginals' shares of ρ, largest first: the first whose votes can pay for a batch is used. */
    private java.util.List<Double> marginalShares;
    private boolean calibrateMarginals = true;
    private boolean valueHistograms = true;
    private java.util.Set<String> attributes;
    private MarginalModel marginalModel = MarginalModel.MST;

    /**
     * @param marginalShares the default shares, largest first, the last of them used where none leaves a batch
     *                       ({@link PateSettings} checks them)
     */
    PateBuilder(int maxIterations, int batch, double... marginalShares) {
        this.maxIterations = maxIterations;
        this.batch = batch;
        this.marginalShares = java.util.Arrays.stream(marginalShares).boxed().toList();
    }

    /** The ε budget: training stops before the batch of votes that would spend more, so the ε spent never exceeds it. */
    public B epsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive number, got " + epsilon);
        }
        this.epsilon = epsilon;
        return self();
    }

    /** δ of the accountant; default 1/(N·√N) for N training rows. */
    public B delta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        this.delta = delta;
        return self();
    }

    /** Vote noise parameter (smartnoise's noise_multiplier): Laplace noise of scale 1/λ on the teachers' "real" count. */
    public B lambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
        }
        this.lambda = lambda;
        return self();
    }

    /** Cap on outer iterations, whatever ε is left (the references have none or synthcity's 200). */
    public B maxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + iterations);
        }
        this.maxIterations = iterations;
        return self();
    }

    public B batchSize(int batch) {
        if (batch < 2) {
            throw new IllegalArgumentException("batch size must be at least 2, got " + batch);
        }
        this.batch = batch;
        return self();
    }

    /**
     * Accept the categories and bounds of inferred columns, read from the private data (default false: refused). The
     * guarantee then says it does not cover them.
     */
    public B acceptDataDomains(boolean accept) {
        this.acceptDataDomains = accept;
        return self();
    }

    /**
     * Seed of the privacy noise (the Laplace noise on the votes and the Gaussian noise of the marginals, one-way or the
     * marginal model's), for reproducible tests only: whoever knows it can predict the noise.
     * Unset (the default), the noise is drawn from {@link java.security.SecureRandom}, and two fits differ even with
     * the same training seed.
     */
    public B noiseSeed(long noiseSeed) {
        this.noiseSeed = noiseSeed;
        return self();
    }

    /**
     * The references' encoders (default false): mixtures, category counts and ranges fitted on the real rows without
     * noise, and the conditional sampler and the student's "real" rows drawn from the real columns. The guarantee then
     * covers the votes only, and says so. By default they are built from noisy marginals that the budget pays for
     * ({@link #marginalShare}, {@link #marginalModel}).
     */
    public B dataEncoders(boolean dataEncoders) {
        this.dataEncoders = dataEncoders;
        return self();
    }

    /**
     * What the default encoders' share of the budget measures (default {@link MarginalModel#MST}): the student's
     * "real" rows are drawn from it, so with MST or AIM they keep the dependence those measured, where one-way marginals
     * make them independent column by column. Without the default encoders ({@link #dataEncoders}) nothing is measured.
     */
    public B marginalModel(MarginalModel model) {
        this.marginalModel = java.util.Objects.requireNonNull(model, "marginal model");
        return self();
    }

    /**
     * The share of the budget's zCDP ρ spent on the noisy marginals of the default encoders (the rest pays for the
     * votes). Left at its default, it is the first of PATE-GAN's 0.8 and 0.5, or of PATE-CTGAN's 0.9, 0.7 and 0.5, that
     * leaves the votes enough to pay for one batch (the larger shares need a larger ε); a share given here is kept, and
     * a budget too small for it is refused.
     */
    public B marginalShare(double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("marginal share must be in (0, 1), got " + share);
        }
        this.marginalShares = java.util.List.of(share);
        return self();
    }

    /**
     * Bring each sampled column's one-way marginal to the noisy one the encoders were built from (default true; see
     * {@link MarginalCalibration}). Post-processing of measurements already paid for, so free. Without the default
     * encoders ({@link #dataEncoders}) there is no noisy marginal and nothing is calibrated.
     */
    public B calibrateMarginals(boolean calibrate) {
        this.calibrateMarginals = calibrate;
        return self();
    }

    /**
     * Where a numeric column's noisy marginal shows cells dense enough, also measure a noisy histogram of its exact
     * values at the marginals' noise, paid for from the votes (at most a fifth of their budget), and decode numbers
     * inside their cells by it, for the encoders, the student's rows and the calibration (default true; see
     * {@link org.pathosynth.synth.internal.dp.BinInterior}). An MST or AIM marginal model measures them its own way,
     * within its share, instead of from the votes. Without the default encoders nothing is measured.
     */
    public B valueHistograms(boolean measure) {
        this.valueHistograms = measure;
        return self();
    }

    /**
     * The attributes the table has columns for (default: every attribute of the schema). Only theirs are measured for
     * the default encoders, so the budget is not spread over columns the file lacks; the others are sampled as missing.
     * The header is public: choosing them costs nothing.
     */
    public B attributes(java.util.Collection<String> names) {
        this.attributes = java.util.Set.copyOf(names);
        return self();
    }

    PateSettings settings() {
        return new PateSettings(epsilon, delta, lambda, maxIterations, batch, seed, noiseSeed, stop, acceptDataDomains,
                dataEncoders, marginalShares, attributes, calibrateMarginals, valueHistograms, marginalModel);
    }
}
