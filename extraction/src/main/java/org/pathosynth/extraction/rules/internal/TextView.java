package org.pathosynth.extraction.rules.internal;

/**
 * What a scan sees of a {@link ReportText}: the whole text, or the examination at hand, where matches that start in
 * restated earlier results are passed over. Positions are those of the text, so spans found in either view map back
 * to the report the same way. A view counts the positions it passed over: a reader that found nothing there and
 * passed over nothing knows the whole text holds nothing more.
 */
public final class TextView {
    private final ReportText text;
    private final boolean skipsPrior;
    private int skips;

    TextView(ReportText text, boolean skipsPrior) {
        this.text = text;
        this.skipsPrior = skipsPrior;
    }

    /** The text this is a view of, for its clause and window bounds. */
    public ReportText text() {
        return text;
    }

    /** Whether a scan should pass over a match starting at {@code index}; counted, see {@link #skips()}. */
    boolean skipped(int index) {
        if (skipsPrior && text.priorAt(index)) {
            skips++;
            return true;
        }
        return false;
    }

    /** How many candidate positions scans of this view have passed over as restated results so far. */
    public int skips() {
        return skips;
    }
}
