package org.pathosynth.synth.gan;

import java.util.List;


/** {@code patectgan}: PATE-CTGAN as smartnoise-synth implements it, and its saved models. */
public final class PateCtganProvider extends GanProvider<PateCtganProvider.Options> {
    /**
     * @param epsilon        the ε at which training stops (default 1; the ε spent is what the model states)
     * @param delta          δ of the accountant (default 1/(N·√N) for N training rows)
     * @param trainSeed      seed of the training (default 0)
     * @param lambda         vote noise: Laplace of scale 1/λ (default 1e-3)
     * @param rowsPerTeacher rows per teacher: ⌊N / rows⌋ + 1 teachers (default 1000)
     * @param maxIterations  outer iterations (default 1000)
     * @param batchSize      rows per step (default 500)
     * @param noiseSeed     seed of the privacy noise (votes and marginals), for reproducible tests only; unset (the
     *                      default), it is drawn from {@link java.security.SecureRandom}
     * @param acceptDataDomains accept categories and bounds of inferred columns read from the private data (default false)
     * @param dataEncoders  the reference's encoders, read from the real rows without noise: the guarantee then covers
     *                      the votes only (default false: encoders from noisy marginals the budget pays for)
     * @param marginalShare share of the budget's zCDP rho spent on those marginals (default: the first of 0.9, 0.7
     *                      and 0.5 that leaves the votes enough for one batch of them; a share given is kept)
     * @param attributes    the attributes the table has columns for (default: all; the CLI passes the file's), the only
     *                      ones whose marginals are measured
     * @param calibrateMarginals bring sampled columns to those noisy marginals (default true; post-processing, free)
     * @param valueHistograms    also measure a noisy histogram of a numeric column's exact values where its noisy
     *                           marginal shows dense cells, and decode numbers inside their cells by it (default true;
     *                           paid for from the votes; with an MST or AIM marginal model, that model measures
     *                           its own within its share)
     * @param marginalModel what the share measures: {@code mst} (default; an MST model, whose sample gives the student's
     *                      "real" rows their dependence), {@code aim}, or {@code one_way} (one-way marginals only)
     */
    public record Options(Double epsilon, Double delta, Long trainSeed, Double lambda, Integer rowsPerTeacher, Integer maxIterations,
                          Integer batchSize, Long noiseSeed, Boolean acceptDataDomains,
                          Boolean dataEncoders, Double marginalShare, List<String> attributes,
                          Boolean calibrateMarginals, Boolean valueHistograms, String marginalModel) {
        public Options {
            epsilon = epsilon == null ? 1.0 : epsilon;
            trainSeed = trainSeed == null ? 0L : trainSeed;
            lambda = lambda == null ? 1e-3 : lambda;
            rowsPerTeacher = rowsPerTeacher == null ? 1000 : rowsPerTeacher;
            maxIterations = maxIterations == null ? 1000 : maxIterations;
            batchSize = batchSize == null ? 500 : batchSize;
            acceptDataDomains = acceptDataDomains != null && acceptDataDomains;
            dataEncoders = dataEncoders != null && dataEncoders;
            calibrateMarginals = calibrateMarginals == null || calibrateMarginals;
            valueHistograms = valueHistograms == null || valueHistograms;
            attributes = attributes == null ? null : List.copyOf(attributes);
            marginalModel = marginalModel == null ? MarginalModel.MST.option() : MarginalModel.of(marginalModel).option();
            if (marginalShare != null) {
                PateCtganSynthesizer.builder().marginalShare(marginalShare); // checks it now
            }
            builder(epsilon, delta, trainSeed, lambda, rowsPerTeacher, maxIterations, batchSize); // checks them now
        }

        PateCtganSynthesizer.Builder builder() {
            var b = builder(epsilon, delta, trainSeed, lambda, rowsPerTeacher, maxIterations, batchSize)
                    .acceptDataDomains(acceptDataDomains).dataEncoders(dataEncoders)
                    .calibrateMarginals(calibrateMarginals).valueHistograms(valueHistograms)
                    .marginalModel(MarginalModel.of(marginalModel));
            if (marginalShare != null) {
                b.marginalShare(marginalShare);
            }
            if (attributes != null) {
                b.attributes(attributes);
            }
            return noiseSeed == null ? b : b.noiseSeed(noiseSeed);
        }

        private static PateCtganSynthesizer.Builder builder(double epsilon, Double delta, long trainSeed, double lambda, int rowsPerTeacher,
                                                            int maxIterations, int batchSize) {
            PateCtganSynthesizer.Builder b = PateCtganSynthesizer.builder().epsilon(epsilon).seed(trainSeed).lambda(lambda)
                    .rowsPerTeacher(rowsPerTeacher).maxIterations(maxIterations).batchSize(batchSize);
            return delta == null ? b : b.delta(delta);
        }
    }

    public PateCtganProvider() {
        super(PateCtganSynthesizer.NAME, "PATE-CTGAN (smartnoise-synth): differentially private, its votes stop before epsilon would be exceeded",
                "a PATE-CTGAN", Options.class, options -> options.builder().build());
    }
}
