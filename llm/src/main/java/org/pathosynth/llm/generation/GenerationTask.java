package org.pathosynth.llm.generation;

import java.util.Objects;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;

/** One report to write, and the generator (teacher) assigned to write it. */
record GenerationTask(GenerationRequest request, ReportGenerator generator) {
    public GenerationTask {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(generator, "generator");
    }

    String id() {
        return request.id();
    }
}
