package org.pathosynth.core.pipeline;

import java.util.Objects;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.synthesis.FittedSynthesizer;

/**
 * The synthesize step's output: the synthetic table and what made it.
 *
 * @param model        the fitted model, or null when the table was kept from an earlier run
 * @param provenance   the synthetic table's provenance (kind {@code synthetic-table}; its source {@code model} is the
 *                     model's provenance, with the privacy guarantee)
 * @param trainingRows rows the model was fitted on
 */
public record Synthesis(Table synthetic, FittedSynthesizer model, ArtifactProvenance provenance, int trainingRows,
                        long fitMillis, long sampleMillis) {
    public Synthesis {
        Objects.requireNonNull(synthetic, "synthetic");
        Objects.requireNonNull(provenance, "provenance");
    }
}
