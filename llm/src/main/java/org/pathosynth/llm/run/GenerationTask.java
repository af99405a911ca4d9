package org.pathosynth.llm.run;

import java.util.Objects;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;

/** One report to write, and the generator (teacher) assigned to write it. */
public record GenerationTask(GenerationRequest request, ReportGenerator generator) {
    public GenerationTask {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(generator, "generator");
    }

    public String id() {
        return request.id();
    }
}
