package org.pathosynth.extraction.corpus;

import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Report;

/** A hand-written report with the values a careful reader finds in it; {@code style} names its layout. */
public record LabelledReport(Report report, String style, ClinicalRecord gold) {
}
