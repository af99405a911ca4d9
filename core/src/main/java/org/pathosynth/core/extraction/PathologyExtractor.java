package org.pathosynth.core.extraction;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/** Reads a report and returns its structured values, with evidence spans and confidences. */
public interface PathologyExtractor {
    String name();

    Schema schema();

    Extraction extract(Report report);

    /** As {@link #extractAll(List, ProgressListener)}, without progress. */
    default ExtractionBatch extractAll(List<Report> reports) {
        return extractAll(reports, ProgressListener.NONE);
    }

    /**
     * Reads many reports with progress; a report that throws is counted as a failure (with the exception's type,
     * never its text) and the batch goes on. Extractors that can work concurrently override this.
     */
    default ExtractionBatch extractAll(List<Report> reports, ProgressListener progress) {
        List<Extraction> out = new ArrayList<>(reports.size());
        List<ExtractionFailure> failures = new ArrayList<>();
        long done = 0;
        for (Report r : reports) {
            try {
                out.add(extract(r));
            } catch (RuntimeException e) {
                failures.add(new ExtractionFailure(r.id(), name(), e.getClass().getSimpleName()));
            }
            progress.onProgress("extract", ++done, reports.size());
        }
        return new ExtractionBatch(out, failures);
    }
}
