package org.pathosynth.core.generation;

import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;

/** One report to write: an id for the result, the record it must state, and its seed. */
public record GenerationRequest(String id, ClinicalRecord record, long seed) {
    public GenerationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
    }
}
