package org.pathosynth.core.extraction;

import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;

/** Values read from one report, with the evidence for each value found (keyed by attribute name). */
public record Extraction(String reportId, ClinicalRecord values, Map<String, Evidence> evidence) {
    public Extraction {
        evidence = Map.copyOf(evidence);
    }
}
