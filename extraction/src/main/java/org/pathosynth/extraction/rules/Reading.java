package org.pathosynth.extraction.rules;

import java.util.List;
import java.util.function.Function;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * One report being read: its two views (the examination at hand, the whole text), its language, and what readers
 * share, worked out once per report.
 */
final class Reading {
    private final ReportText text;
    private final String language;
    private List<Hit> markerMentions;

    Reading(ReportText text, String language) {
        this.text = text;
        this.language = language;
    }

    /** The examination at hand: restated earlier results passed over. */
    TextView current() {
        return text.current();
    }

    TextView whole() {
        return text.whole();
    }

    String language() {
        return language;
    }

    /**
     * The value read in the examination at hand, else read from the whole text: the specimen at hand wins over its
     * history ("Renseignements cliniques : ... RE 90 %"), which still counts when it is all there is.
     */
    Hit currentFirst(Function<TextView, Hit> read) {
        TextView current = text.current();
        int skipsBefore = current.skips();
        Hit found = read.apply(current);
        if (found != null || current.skips() == skipsBefore) {
            return found; // nothing was passed over: reading again would find the same nothing
        }
        return read.apply(text.whole());
    }

    /** Every marker named in the report (see {@link MarkerStatements}), found by {@code find} the first time it is asked. */
    List<Hit> markerMentions(Function<TextView, List<Hit>> find) {
        if (markerMentions == null) {
            markerMentions = find.apply(text.whole());
        }
        return markerMentions;
    }
}
