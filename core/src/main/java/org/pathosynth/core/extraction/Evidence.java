package org.pathosynth.core.extraction;

/**
 * Where in a report a value was read: the half-open character span [start, end) into the original
 * text, and a confidence in [0, 1].
 */
public record Evidence(int start, int end, double confidence) {
    public Evidence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** The evidence text in the report it was read from. */
    public String quote(String text) {
        return text.substring(start, end);
    }
}
