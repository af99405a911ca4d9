package org.pathosynth.extraction.rules;

import java.util.List;
import java.util.function.Function;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * One report being read: its views (the examination at hand, the results it restates from an earlier specimen, the
 * whole text), its language, and what readers share, worked out once per report.
 */
final class Reading {
    private final ReportText text;
    private final String language;
    private final boolean restatedOnly;
    private List<Hit> markerMentions;

    Reading(ReportText text, String language) {
        this(text, language, false);
    }

    private Reading(ReportText text, String language, boolean restatedOnly) {
        this.text = text;
        this.language = language;
        this.restatedOnly = restatedOnly;
    }

    /** The same report read as if the results it restates from an earlier specimen were the examination at hand. */
    Reading ofRestatedResults() {
        return new Reading(text, language, true);
    }

    /**
     * The examination at hand: passages about earlier examinations (clinical history, "Rappel :", results restated
     * from the biopsy) passed over. Values read there only are not this report's values.
     */
    TextView current() {
        return restatedOnly ? text.restated() : text.current();
    }

    /** Only the results the report restates from an earlier specimen ("Immunohistochimie (sur la biopsie) : ..."). */
    TextView restated() {
        return text.restated();
    }

    /** Whether the report restates results of an earlier specimen. */
    boolean hasRestated() {
        return !restatedOnly && text.hasRestated();
    }

    TextView whole() {
        return text.whole();
    }

    String language() {
        return language;
    }

    /** Every marker named in the report (see {@link MarkerStatements}), found by {@code find} the first time it is asked. */
    List<Hit> markerMentions(Function<TextView, List<Hit>> find) {
        if (markerMentions == null) {
            markerMentions = find.apply(text.whole());
        }
        return markerMentions;
    }
}
