package org.pathosynth.core.extraction;

/** A report that could not be read: its id and a short reason that carries no report text or value. */
public record ExtractionFailure(String reportId, String extractor, String reason) {
}
