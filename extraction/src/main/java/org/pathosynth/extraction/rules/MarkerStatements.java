package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * Where a biomarker's statement ends (receptors, HER2, Ki-67): at a clause boundary, after a window, or where another
 * marker is named ("RE 90 %, RP 5 %": the PR percentage is not the ER's). The markers that end a statement are the
 * group's {@code mentions}; every one named in a report is found once per report.
 */
final class MarkerStatements {
    private final RuleBook rules;
    private final Pattern anyMarker;
    private final int window;

    MarkerStatements(RuleBook rules, String group) {
        this.rules = rules;
        List<String> sources = new ArrayList<>();
        rules.strings(group + ".mentions").forEach(m -> sources.add(rules.text(group + "." + m)));
        this.anyMarker = rules.compile(String.join("|", sources));
        this.window = rules.integer(group + ".window");
    }

    /** The end of the statement of the marker that {@code cue} names, whose match in {@code view} is {@code cueMatch}. */
    int end(Reading reading, TextView view, Scan cueMatch, Pattern cue) {
        ReportText text = view.text();
        int end = Math.min(text.clauseEnd(cueMatch.end(), AttributeReader.CLAUSE_ENDS), text.windowEnd(cueMatch.end(), window));
        for (Hit other : reading.markerMentions(this::mentions)) {
            if (other.start() >= cueMatch.end() && other.end() <= end && !cue.matcher((String) other.value()).matches()) {
                return other.start();
            }
        }
        return end;
    }

    /** Every marker named in the whole text. */
    private List<Hit> mentions(TextView whole) {
        List<Hit> all = new ArrayList<>();
        Scan m = rules.scan(anyMarker, whole);
        while (m.find()) {
            all.add(new Hit(m.group(), m.start(), m.end(), 1.0));
        }
        return all;
    }

    /** A decimal number written with a point or a comma. */
    static double decimal(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
