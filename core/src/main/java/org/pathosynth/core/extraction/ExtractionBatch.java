package org.pathosynth.core.extraction;

import java.util.List;

/** What an extractor read from many reports: the extractions in input order, and every report it could not read. */
public record ExtractionBatch(List<Extraction> extractions, List<ExtractionFailure> failures) {
    public ExtractionBatch {
        extractions = List.copyOf(extractions);
        failures = List.copyOf(failures);
    }
}
