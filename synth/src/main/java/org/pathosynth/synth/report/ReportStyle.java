package org.pathosynth.synth.report;

/** Layouts of the offline template writer. */
public enum ReportStyle {
    /** Narrative sentences ending in a conclusion, as dictated reports read. */
    PROSE,
    /** A "compte rendu fixe" of "Label : value" lines. */
    STRUCTURED,
    /** A printed synoptic checklist: labels, dot leaders up to a value column, values. */
    SYNOPTIC,
    /** Macroscopy, microscopy, immunohistochemistry and conclusion sections. */
    SECTIONED
}
