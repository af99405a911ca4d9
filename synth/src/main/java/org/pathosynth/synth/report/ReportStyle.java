package org.pathosynth.synth.report;

/** Layouts of the offline template writer. */
public enum ReportStyle {
    /** Narrative sentences ending in a conclusion, as dictated reports read. */
    PROSE,
    /** A "compte rendu fixe" / synoptic list of "Label : value" lines. */
    STRUCTURED
}
