package org.pathosynth.core.report;

import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;

/** A record and the report written for it: one training example. */
public record ReportPair(String id, ClinicalRecord record, Report report) {
    public ReportPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(report, "report");
    }

    /** The reports of {@code pairs}, in order (to read them back with an extractor). */
    public static java.util.List<Report> reports(java.util.List<ReportPair> pairs) {
        return pairs.stream().map(ReportPair::report).toList();
    }
}
