package org.pathosynth.cli.run;

import java.util.Locale;
import java.util.Set;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.copula.MarginalFamily;
import org.pathosynth.synth.gan.CtganSynthesizer;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.mst.MstSynthesizer;
import org.pathosynth.synth.gan.PateCtganSynthesizer;
import org.pathosynth.synth.gan.PateGanSynthesizer;

/** Builds a synthesizer from its name and parameters, as {@code synthesize} and {@code run} name them. */
public final class Synthesizers {
    public static final String NAMES = "independent, gaussian-copula, mst, ctgan, pategan or patectgan";

    private Synthesizers() {
    }

    /**
     * @param missingColumns schema attributes the real file has no column for: MST models only the others (each
     *                       modelled attribute takes a share of the privacy budget)
     */
    public static TabularSynthesizer build(RunConfig.SynthesizerConfig c, Schema schema, Set<String> missingColumns) {
        if (c.epochs() != null && c.name().equals("patectgan")) {
            throw new IllegalArgumentException("epochs does not apply to patectgan: it trains until epsilon is spent");
        }
        if (c.epochs() != null && !c.name().equals("ctgan") && !c.name().equals("pategan")) {
            throw new IllegalArgumentException("epochs applies to ctgan and pategan only, not " + c.name());
        }
        return switch (c.name()) {
            case "independent" -> IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build();
            case "gaussian-copula" -> GaussianCopulaSynthesizer.builder().marginals(marginals(c.marginals())).build();
            case "mst" -> MstSynthesizer.builder().epsilon(c.epsilon()).delta(c.delta() == null ? 1e-9 : c.delta())
                    .attributes(schema.names().stream().filter(a -> !missingColumns.contains(a)).toList()).build();
            case "ctgan" -> {
                CtganSynthesizer.Builder b = CtganSynthesizer.builder().seed(c.trainSeed());
                if (c.epochs() != null) {
                    b.epochs(c.epochs());
                }
                yield b.build();
            }
            case "pategan" -> {
                PateGanSynthesizer.Builder b = PateGanSynthesizer.builder().epsilon(c.epsilon()).seed(c.trainSeed());
                if (c.epochs() != null) {
                    b.epochs(c.epochs());
                }
                if (c.delta() != null) {
                    b.delta(c.delta());
                }
                yield b.build();
            }
            case "patectgan" -> {
                PateCtganSynthesizer.Builder b = PateCtganSynthesizer.builder().epsilon(c.epsilon()).seed(c.trainSeed());
                if (c.delta() != null) {
                    b.delta(c.delta());
                }
                yield b.build();
            }
            default -> throw new IllegalArgumentException("synthesizer must be " + NAMES + ", got '" + c.name() + "'");
        };
    }

    private static MarginalFamily marginals(String name) {
        try {
            return MarginalFamily.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marginals must be empirical, beta or normal, got '" + name + "'");
        }
    }
}
