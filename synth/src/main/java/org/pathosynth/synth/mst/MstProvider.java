package org.pathosynth.synth.mst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** {@code mst}: the (ε, δ)-differentially private synthesizer, and its saved models. */
public final class MstProvider implements SynthesizerProvider<MstProvider.Options> {
    /**
     * @param epsilon            privacy budget ε (default 1)
     * @param delta              δ (default 1e-9)
     * @param attributes         the attributes to model (default: every attribute of the table's schema); leave out those
     *                           the input has no column for, since each modelled attribute takes a share of the budget
     * @param noiseSeed          seed of the noise, for reproducible runs only; unset (the default), it is drawn from
     *                           {@link java.security.SecureRandom}
     * @param numericBins        bins of a numeric attribute's public range (default 20)
     * @param iterations         mirror-descent iterations of the estimation (default 3000)
     * @param budgetSplit        shares of the budget for 1-way measurements, tree selection and 2-way measurements
     *                           (default 0.45, 0.10, 0.45)
     * @param enforceConstraints clamp sampled rows to the schema constraints (default true)
     * @param valueHistograms    measure a noisy histogram of a numeric attribute's exact values where its noisy 1-way
     *                           says the noise would leave a shape, and decode its bins by it (default true; paid for by
     *                           the 2-way round)
     * @param acceptDataDomains  accept categories and bounds of inferred columns read from the private data (default false:
     *                           refused); the guarantee then says it does not cover them
     */
    public record Options(Double epsilon, Double delta, List<String> attributes, Long noiseSeed, Integer numericBins,
                          Integer iterations, List<Double> budgetSplit, Boolean enforceConstraints, Boolean valueHistograms,
                          Boolean acceptDataDomains) {
        public Options {
            epsilon = epsilon == null ? 1.0 : epsilon;
            delta = delta == null ? 1e-9 : delta;
            attributes = attributes == null ? null : List.copyOf(attributes);
            numericBins = numericBins == null ? 20 : numericBins;
            iterations = iterations == null ? 3000 : iterations;
            budgetSplit = budgetSplit == null ? List.of(0.45, 0.10, 0.45) : List.copyOf(budgetSplit);
            enforceConstraints = enforceConstraints == null ? Boolean.TRUE : enforceConstraints;
            valueHistograms = valueHistograms == null ? Boolean.TRUE : valueHistograms;
            acceptDataDomains = acceptDataDomains != null && acceptDataDomains;
            if (budgetSplit.size() != 3) {
                throw new IllegalArgumentException("budget_split must be three fractions (1-way, selection, 2-way), got " + budgetSplit);
            }
            builder(epsilon, delta, attributes, noiseSeed, numericBins, iterations, budgetSplit, enforceConstraints).build(); // checks them now
        }

        MstSynthesizer.Builder builder() {
            return builder(epsilon, delta, attributes, noiseSeed, numericBins, iterations, budgetSplit, enforceConstraints)
                    .valueHistograms(valueHistograms).acceptDataDomains(acceptDataDomains);
        }

        private static MstSynthesizer.Builder builder(double epsilon, double delta, List<String> attributes, Long noiseSeed,
                                                      int numericBins, int iterations, List<Double> split, boolean enforceConstraints) {
            MstSynthesizer.Builder b = MstSynthesizer.builder().epsilon(epsilon).delta(delta).numericBins(numericBins)
                    .iterations(iterations).budgetSplit(split.get(0), split.get(1), split.get(2)).enforceConstraints(enforceConstraints);
            if (attributes != null) {
                b.attributes(attributes);
            }
            if (noiseSeed != null) {
                b.seed(noiseSeed);
            }
            return b;
        }
    }

    @Override
    public String name() {
        return MstSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "MST: (epsilon, delta)-differentially private marginals on a spanning tree (zCDP); models can leave the hospital";
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
        return MstModel.load(model);
    }
}
