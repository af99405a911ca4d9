package org.pathosynth.spark;

import java.io.Serializable;
import org.apache.spark.util.LongAccumulator;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;

/**
 * Reads one report on an executor and writes its columns, counting as it goes: the work shared by the Dataset
 * transformation and the SQL function. A report that cannot be read (no text, or the extractor throws) is kept with
 * the error's kind in {@code extraction_error} (the exception's type, never its message, which may quote the text)
 * and counted as failed; the job goes on.
 */
final class ReportReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ExecutorExtractor spec;
    private final ExtractionColumns columns;
    private final LongAccumulator reports;
    private final LongAccumulator failed;
    private final LongAccumulator[] found;

    ReportReader(ExecutorExtractor spec, ExtractionColumns columns, LongAccumulator reports, LongAccumulator failed,
                 LongAccumulator[] found) {
        this.spec = spec;
        this.columns = columns;
        this.reports = reports;
        this.failed = failed;
        this.found = found;
    }

    ExtractionColumns columns() {
        return columns;
    }

    /** Reads {@code text} and writes the extraction's columns into {@code out} from {@code offset}. */
    void read(String text, String language, Object[] out, int offset) {
        reports.add(1);
        String error = null;
        if (text == null) {
            error = "no text";
        } else if (language == null || language.isBlank()) {
            error = "no language";
        } else {
            try {
                PathologyExtractor extractor = spec.extractor();
                Extraction e = extractor.extract(Report.of("", text, language));
                boolean[] values = columns.write(e, spec.name(), spec.version(), out, offset);
                for (int i = 0; i < values.length; i++) {
                    if (values[i]) {
                        found[i].add(1);
                    }
                }
                return;
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName();
            }
        }
        failed.add(1);
        columns.writeFailure(spec.name(), spec.version(), error, out, offset);
    }
}
