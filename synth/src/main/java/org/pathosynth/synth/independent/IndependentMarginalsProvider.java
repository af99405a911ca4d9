package org.pathosynth.synth.independent;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** {@code independent}: the per-column baseline. Its models hold real values, so they cannot be saved or loaded. */
public final class IndependentMarginalsProvider implements SynthesizerProvider<IndependentMarginalsProvider.Options> {
    /**
     * @param enforceConstraints redraw the columns of a broken schema constraint (default true, as the command line has
     *                           always built it; the Java builder's default is the pure baseline)
     */
    public record Options(Boolean enforceConstraints) {
        public Options {
            enforceConstraints = enforceConstraints == null ? Boolean.TRUE : enforceConstraints;
        }
    }

    @Override
    public String name() {
        return IndependentMarginalsSynthesizer.NAME;
    }

    @Override
    public String description() {
        return "baseline: each column drawn independently from its observed values; no privacy, models cannot be saved";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public TabularSynthesizer create(String argument, Options options, ComponentContext context) {
        return IndependentMarginalsSynthesizer.builder().enforceConstraints(options.enforceConstraints()).build();
    }
}
