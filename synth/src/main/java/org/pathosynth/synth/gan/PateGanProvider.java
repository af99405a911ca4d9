package org.pathosynth.synth.gan;

import java.util.List;


/** {@code pategan}: PATE-GAN with synthcity's defaults, and its saved models. */
public final class PateGanProvider extends GanProvider<PateGanProvider.Options> {
    /**
     * @param epsilon       the ε at which training stops (default 1; the ε spent is what the model states)
     * @param delta         δ of the accountant (default 1/(N·√N) for N training rows)
     * @param epochs        GAN epochs per outer iteration (default 10)
     * @param trainSeed     seed of the training (default 0)
     * @param lambda        vote noise: Laplace of scale 1/λ (default 1e-3)
     * @param teachers      teachers, each on a disjoint block of rows (default 10)
     * @param maxIterations outer iterations (default 40)
     * @param batchSize     rows per step (default 200)
     * @param width         latent and hidden width (default 256)
     * @param noiseSeed     seed of the privacy noise (votes and marginals), for reproducible tests only; unset (the
     *                      default), it is drawn from {@link java.security.SecureRandom}
     * @param acceptDataDomains accept categories and bounds of inferred columns read from the private data (default false)
     * @param dataEncoders  the reference's encoders, read from the real rows without noise: the guarantee then covers
     *                      the votes only (default false: encoders from noisy marginals the budget pays for)
     * @param marginalShare share of the budget's zCDP rho spent on those marginals (default 0.8, the rest pays for the
     *                      votes: on tables of a few thousand rows the model is worth more per unit of rho than they are;
     *                      0.5 where 0.8 would leave the votes unable to pay for one batch; a share given is kept)
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
    public record Options(Double epsilon, Double delta, Integer epochs, Long trainSeed, Double lambda, Integer teachers,
                          Integer maxIterations, Integer batchSize, Integer width, Long noiseSeed, Boolean acceptDataDomains,
                          Boolean dataEncoders, Double marginalShare, List<String> attributes,
                          Boolean calibrateMarginals, Boolean valueHistograms, String marginalModel) {
        public Options {
            epsilon = epsilon == null ? 1.0 : epsilon;
            epochs = epochs == null ? 10 : epochs;
            trainSeed = trainSeed == null ? 0L : trainSeed;
            lambda = lambda == null ? 1e-3 : lambda;
            teachers = teachers == null ? 10 : teachers;
            maxIterations = maxIterations == null ? 40 : maxIterations;
            batchSize = batchSize == null ? 200 : batchSize;
            width = width == null ? 256 : width;
            acceptDataDomains = acceptDataDomains != null && acceptDataDomains;
            dataEncoders = dataEncoders != null && dataEncoders;
            calibrateMarginals = calibrateMarginals == null || calibrateMarginals;
            valueHistograms = valueHistograms == null || valueHistograms;
            attributes = attributes == null ? null : List.copyOf(attributes);
            marginalModel = marginalModel == null ? MarginalModel.MST.option() : MarginalModel.of(marginalModel).option();
            if (marginalShare != null) {
                PateGanSynthesizer.builder().marginalShare(marginalShare); // checks it now
            }
            builder(epsilon, delta, epochs, trainSeed, lambda, teachers, maxIterations, batchSize, width); // checks them now
        }

        PateGanSynthesizer.Builder builder() {
            var b = builder(epsilon, delta, epochs, trainSeed, lambda, teachers, maxIterations, batchSize, width)
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

        private static PateGanSynthesizer.Builder builder(double epsilon, Double delta, int epochs, long trainSeed, double lambda,
                                                          int teachers, int maxIterations, int batchSize, int width) {
            PateGanSynthesizer.Builder b = PateGanSynthesizer.builder().epsilon(epsilon).epochs(epochs).seed(trainSeed).lambda(lambda)
                    .teachers(teachers).maxIterations(maxIterations).batchSize(batchSize).width(width);
            return delta == null ? b : b.delta(delta);
        }
    }

    public PateGanProvider() {
        super(PateGanSynthesizer.NAME, "PATE-GAN (after synthcity): differentially private, its votes stop before epsilon would be exceeded",
                "a PATE-GAN", Options.class, options -> options.builder().build());
    }
}
