package org.pathosynth.core.generation;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;

/** Writes a report that states a record's values; each report carries its provenance. */
public interface ReportGenerator {
    String name();

    /** Writes one report; the same request (record and seed) gives the same text for deterministic generators. */
    Report generate(GenerationRequest request);

    /**
     * Writes many reports with progress; a request that throws is recorded as a failure and the
     * batch goes on. Implementations that can work concurrently override this.
     */
    default GenerationBatch generateAll(List<GenerationRequest> requests, ProgressListener progress) {
        List<ReportPair> pairs = new ArrayList<>(requests.size());
        List<GenerationFailure> failures = new ArrayList<>();
        long done = 0;
        for (GenerationRequest request : requests) {
            try {
                pairs.add(new ReportPair(request.id(), request.record(), generate(request)));
            } catch (RuntimeException e) {
                failures.add(new GenerationFailure(request.id(), name(), e.getClass().getSimpleName()));
            }
            progress.onProgress("generate", ++done, requests.size());
        }
        return new GenerationBatch(pairs, failures);
    }
}
