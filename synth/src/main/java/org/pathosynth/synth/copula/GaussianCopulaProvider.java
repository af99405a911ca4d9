package org.pathosynth.synth.copula;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** {@code gaussian-copula} (the default synthesizer), and its saved models. */
public final class GaussianCopulaProvider implements SynthesizerProvider<GaussianCopulaProvider.Options> {
    /**
     * @param marginals          {@code empirical} (default), {@code beta} (SDV's choice) or {@code normal}
     * @param enforceConstraints redraw rows that break a schema constraint (default true)
     * @param fitSeed            seed of the tie jitter when fitting (default 0)
     */
    public record Options(String marginals, Boolean enforceConstraints, Long fitSeed) {
        public Options {
            marginals = marginals == null ? "empirical" : marginals.strip().toLowerCase(Locale.ROOT);
            family(marginals); // checks the name now
            enforceConstraints = enforceConstraints == null ? Boolean.TRUE : enforceConstraints;
            fitSeed = fitSeed == null ? 0L : fitSeed;
        }

        public MarginalFamily family() {
            return family(marginals);
        }

        private static MarginalFamily family(String name) {
            for (MarginalFamily f : MarginalFamily.values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("marginals must be empirical, beta or normal, got '" + name + "'");
        }
    }

    @Override
    public String name() {
        return GaussianCopulaSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "Gaussian copula: marginals and the correlation of normal scores, missingness modelled jointly; no privacy";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public TabularSynthesizer create(String argument, Options options, ComponentContext context) {
        return GaussianCopulaSynthesizer.builder().marginals(options.family()).enforceConstraints(options.enforceConstraints())
                .fitSeed(options.fitSeed()).build();
    }

    @Override
    public FittedSynthesizer load(JsonNode model) {
        return GaussianCopulaModel.load(model);
    }
}
