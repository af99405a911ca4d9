package org.pathosynth.llm.privacy;

/** Whether a text (or the record behind it) comes from a real patient, even de-identified, or is synthetic. */
public enum TextOrigin {
    SYNTHETIC,
    REAL
}
