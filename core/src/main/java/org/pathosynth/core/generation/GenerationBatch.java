package org.pathosynth.core.generation;

import java.util.List;
import org.pathosynth.core.report.ReportPair;

/** The outcome of a batch: the pairs written, and every request that failed (none is lost). */
public record GenerationBatch(List<ReportPair> pairs, List<GenerationFailure> failures) {
    public GenerationBatch {
        pairs = List.copyOf(pairs);
        failures = List.copyOf(failures);
    }
}
