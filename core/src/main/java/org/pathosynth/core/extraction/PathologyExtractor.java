package org.pathosynth.core.extraction;

import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/** Reads a report and returns its structured values, with evidence spans and confidences. */
public interface PathologyExtractor {
    String name();

    Schema schema();

    Extraction extract(Report report);
}
