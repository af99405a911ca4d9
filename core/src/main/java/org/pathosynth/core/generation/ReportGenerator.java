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
        return generateAll(requests, GenerationJournal.NONE, progress);
    }

    /** One report per row of {@code records}, named and seeded by {@link GenerationRequests#forTable} (ids r1, r2, ...). */
    default GenerationBatch generateAll(org.pathosynth.core.data.Table records, long seed) {
        return generateAll(GenerationRequests.forTable(records, seed), ProgressListener.NONE);
    }

    /**
     * As {@link #generateAll(List, ProgressListener)}, taking the reports {@code journal} already holds and recording
     * each new one as soon as it is written.
     */
    default GenerationBatch generateAll(List<GenerationRequest> requests, GenerationJournal journal, ProgressListener progress) {
        List<ReportPair> pairs = new ArrayList<>(requests.size());
        List<GenerationFailure> failures = new ArrayList<>();
        long done = 0;
        for (GenerationRequest request : requests) {
            ReportPair earlier = journal.done(request.id(), name());
            if (earlier != null) {
                pairs.add(earlier);
            } else {
                try {
                    ReportPair pair = new ReportPair(request.id(), request.record(), generate(request));
                    journal.recordSuccess(pair, name());
                    pairs.add(pair);
                } catch (RuntimeException e) {
                    String reason = e.getClass().getSimpleName();
                    journal.recordFailure(request.id(), name(), reason);
                    failures.add(new GenerationFailure(request.id(), name(), reason));
                }
            }
            progress.onProgress("generate", ++done, requests.size());
        }
        return new GenerationBatch(pairs, failures);
    }
}
