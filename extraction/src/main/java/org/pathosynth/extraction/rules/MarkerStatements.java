package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * Where a biomarker's statement ends (receptors, HER2, Ki-67): at a clause boundary, after a window, or where another
 * marker is named ("RE 90 %, RP 5 %": the PR percentage is not the ER's). The markers that end a statement are the
 * group's {@code mentions}; every one named in a report is found once per report.
 *
 * <p>Biomarkers tested on the biopsy are not tested again on the surgical specimen: a report that restates them
 * ("Immunohistochimie (sur la biopsie) : RE 95 %") and sums them up later ("RE+/RP+/HER2-") gives no result of its
 * own. A statement of the examination at hand that only repeats a restated one (same value, no number of its own)
 * is such a summary; one with a value or a number of its own is a new test.
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
        return end(reading, view.text(), cueMatch.end(), cue);
    }

    private int end(Reading reading, ReportText text, int cueEnd, Pattern cue) {
        int end = Math.min(text.clauseEnd(cueEnd, AttributeReader.CLAUSE_ENDS), text.windowEnd(cueEnd, window));
        for (Hit other : reading.markerMentions(this::mentions)) {
            if (other.start() >= cueEnd && other.end() <= end && !cue.matcher((String) other.value()).matches()) {
                return other.start();
            }
        }
        return end;
    }

    /**
     * The marker's value as {@code read} finds it in the examination at hand, unless it only repeats a result the
     * report restates from an earlier specimen (see the class comment).
     */
    Hit ofThisSpecimen(Reading reading, Pattern cue, Function<TextView, Hit> read) {
        Hit current = read.apply(reading.current());
        if (current == null || !reading.hasRestated()) {
            return current;
        }
        Hit restated = read.apply(reading.restated());
        if (restated == null || !restated.value().equals(current.value())) {
            return current;
        }
        List<String> own = numbers(reading, current, cue);
        return numbers(reading, restated, cue).containsAll(own) ? null : current;
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    /** The numbers of the statement a hit begins (percentages, scores), as written; the marker's name left out ("Ki-67"). */
    private List<String> numbers(Reading reading, Hit hit, Pattern cue) {
        ReportText text = reading.whole().text();
        Matcher name = cue.matcher(text.matched()).region(hit.start(), text.length());
        int from = name.lookingAt() ? name.end() : hit.start();
        int end = Math.max(hit.end(), end(reading, text, from, cue));
        Matcher m = NUMBER.matcher(text.matched()).region(from, end);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group().replace(',', '.'));
        }
        return out;
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
