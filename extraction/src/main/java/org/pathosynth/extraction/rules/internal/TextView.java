package org.pathosynth.extraction.rules.internal;

/**
 * What a scan sees of a {@link ReportText}: the whole text; the examination at hand, where matches that start in
 * passages about earlier examinations are passed over; or only the results restated from an earlier specimen.
 * Positions are those of the text, so spans found in any view map back to the report the same way.
 */
public final class TextView {
    /** Which part of the text a view lets scans match in. */
    enum Part { WHOLE, CURRENT, RESTATED }

    private final ReportText text;
    private final boolean whole;
    private final byte kept; // the kind of passage matches may start in, when not the whole text

    TextView(ReportText text, Part part) {
        this.text = text;
        this.whole = part == Part.WHOLE;
        this.kept = part == Part.RESTATED ? ReportText.RESTATED : ReportText.CURRENT;
    }

    /** The text this is a view of, for its clause and window bounds. */
    public ReportText text() {
        return text;
    }

    /** Whether a scan should pass over a match starting at {@code index}. */
    boolean skipped(int index) {
        return !whole && text.kindAt(index) != kept;
    }
}
