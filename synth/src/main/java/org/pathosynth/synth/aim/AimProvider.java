package org.pathosynth.synth.aim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** {@code aim}: the adaptive (ε, δ)-differentially private synthesizer, and its saved models. */
public final class AimProvider implements SynthesizerProvider<AimProvider.Options> {
    /**
     * @param epsilon            privacy budget ε (default 1)
     * @param delta              δ (default 1e-9)
     * @param attributes         the attributes to model (default: every attribute of the table's schema); leave out those
     *                           the input has no column for, since each modelled attribute takes a share of the budget
     * @param noiseSeed          seed of the noise, for reproducible runs only; unset (the default), it is drawn from
     *                           {@link java.security.SecureRandom}
     * @param numericBins        bins of a numeric attribute's public range (default 20)
     * @param degree             the workload's largest marginal (default 3: all 1-, 2- and 3-way marginals)
     * @param measuredDegree     the largest marginal a round may measure (default 2, at most {@code degree}); the
     *                           selection is then the same as with a workload of that degree
     * @param freePenalty        subtract only the noise a measurement leaves in the model from a candidate's error
     *                           (default true; false is the reference's penalty of every cell's noise)
     * @param rounds             rounds the budget is first divided into (default 2 per modelled attribute; the reference has 16)
     * @param maxModelSize       the largest model, in junction-tree cells, once the budget is spent (default 200,000)
     * @param iterations         mirror-descent iterations of the final estimation (default 1000)
     * @param roundIterations    mirror-descent iterations after each measurement (default 100)
     * @param compressDomains    merge each attribute's sparse cells after its noisy 1-way measurement, as MST does (default
     *                           true); false keeps the reference's full domains
     * @param anneal             halve the noise when a measurement barely moves the model, as the reference does (default
     *                           false: with two rounds per attribute one halving spends most of the budget)
     * @param structuralZeros    tell the model the empty cells the schema's coherence rules imply, e.g. no tumour size for
     *                           a biopsy (default true, as the reference's structural zeros); public, so free
     * @param enforceConstraints clamp sampled rows to the schema constraints (default true)
     * @param valueHistograms    measure a noisy histogram of a numeric attribute's exact values where its noisy 1-way
     *                           says the noise would leave a shape, and decode its bins by it (default true; paid for by
     *                           the adaptive rounds)
     * @param coarsePairs        also offer each candidate of two or more attributes on coarser groups of cells, each
     *                           attribute's cells merged at this many σ of its noisy 1-way where that keeps three
     *                           groups (default 12; 0: off)
     * @param acceptDataDomains  accept categories and bounds of inferred columns read from the private data (default false:
     *                           refused); the guarantee then says it does not cover them
     */
    public record Options(Double epsilon, Double delta, List<String> attributes, Long noiseSeed, Integer numericBins,
                          Integer degree, Integer measuredDegree, Boolean freePenalty, Integer rounds, Long maxModelSize,
                          Integer iterations, Integer roundIterations, Boolean compressDomains, Boolean anneal,
                          Boolean structuralZeros, Boolean enforceConstraints, Boolean valueHistograms,
                          Double coarsePairs, Boolean acceptDataDomains) {
        public Options {
            attributes = attributes == null ? null : List.copyOf(attributes);
            builder(epsilon, delta, attributes, noiseSeed, numericBins, degree, measuredDegree, freePenalty, rounds,
                    maxModelSize, iterations, roundIterations, compressDomains, anneal, structuralZeros, enforceConstraints,
                    valueHistograms, coarsePairs, acceptDataDomains)
                    .build(); // checks them now
        }

        AimSynthesizer.Builder builder() {
            return builder(epsilon, delta, attributes, noiseSeed, numericBins, degree, measuredDegree, freePenalty, rounds,
                    maxModelSize, iterations, roundIterations, compressDomains, anneal, structuralZeros, enforceConstraints,
                    valueHistograms, coarsePairs, acceptDataDomains);
        }

        private static AimSynthesizer.Builder builder(Double epsilon, Double delta, List<String> attributes, Long noiseSeed,
                                                      Integer numericBins, Integer degree, Integer measuredDegree,
                                                      Boolean freePenalty, Integer rounds, Long maxModelSize,
                                                      Integer iterations, Integer roundIterations, Boolean compressDomains,
                                                      Boolean anneal, Boolean structuralZeros, Boolean enforceConstraints,
                                                      Boolean valueHistograms, Double coarsePairs,
                                                      Boolean acceptDataDomains) {
            AimSynthesizer.Builder b = AimSynthesizer.builder();
            if (epsilon != null) {
                b.epsilon(epsilon);
            }
            if (delta != null) {
                b.delta(delta);
            }
            if (attributes != null) {
                b.attributes(attributes);
            }
            if (noiseSeed != null) {
                b.seed(noiseSeed);
            }
            if (numericBins != null) {
                b.numericBins(numericBins);
            }
            if (degree != null) {
                b.degree(degree);
            }
            if (measuredDegree != null) {
                b.measuredDegree(measuredDegree);
            }
            if (freePenalty != null) {
                b.freePenalty(freePenalty);
            }
            if (rounds != null) {
                b.rounds(rounds);
            }
            if (maxModelSize != null) {
                b.maxModelSize(maxModelSize);
            }
            if (iterations != null) {
                b.iterations(iterations);
            }
            if (roundIterations != null) {
                b.roundIterations(roundIterations);
            }
            if (compressDomains != null) {
                b.compressDomains(compressDomains);
            }
            if (anneal != null) {
                b.anneal(anneal);
            }
            if (structuralZeros != null) {
                b.structuralZeros(structuralZeros);
            }
            if (enforceConstraints != null) {
                b.enforceConstraints(enforceConstraints);
            }
            if (valueHistograms != null) {
                b.valueHistograms(valueHistograms);
            }
            if (coarsePairs != null) {
                b.coarsePairs(coarsePairs);
            }
            if (acceptDataDomains != null) {
                b.acceptDataDomains(acceptDataDomains);
            }
            return b;
        }
    }

    @Override
    public String name() {
        return AimSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "AIM: adaptive (epsilon, delta)-differentially private marginals (1-, 2- and 3-way workload, zCDP); "
                + "models can leave the hospital";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public TabularSynthesizer create(String argument, Options options, ComponentContext context) {
        return options.builder().build();
    }

    @Override
    public FittedSynthesizer load(JsonNode model) {
        return AimModel.load(model);
    }
}
