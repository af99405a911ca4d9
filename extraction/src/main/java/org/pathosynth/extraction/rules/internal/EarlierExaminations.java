package org.pathosynth.extraction.rules.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the passages of a report that are about earlier examinations (rules group {@code earlier}), so that readers
 * can pass over them:
 * <ul>
 *   <li>the clinical history: a line from a cue on ("Renseignements cliniques :", "Rappel :", "cf. biopsie"), or the
 *       paragraph under a heading that stands alone on its line, up to a blank line or the next section;</li>
 *   <li>results restated from an earlier specimen ("Immunohistochimie (sur la biopsie) :", "Receptor status
 *       (performed on the core biopsy, reported separately):"): the line when the cue sits in its heading, else the
 *       sentence, up to a statement about the specimen at hand ("sur la pièce opératoire : RE 60 %"). A cue that only
 *       names the biopsy ("sur la biopsie") restates earlier results only in a report whose specimen is surgical: in
 *       a biopsy report the biopsy is the specimen at hand.</li>
 * </ul>
 * A heading's paragraph ends at a blank line, at a line that opens another section, or at a heading in capitals.
 */
final class EarlierExaminations {
    /** How long the words before a cue may be for the cue to sit in a heading ("Receptor status (", "Immunohistochimie ("). */
    private static final int HEADING = 40;

    private final RuleBook rules;
    private final Pattern history;
    private final Pattern restated;
    private final Pattern restatedIfSurgical;
    private final Pattern sectionStart;
    private final Pattern specimenAtHand;
    private final Map<String, List<Pattern>> specimens;
    private final String biopsy;

    EarlierExaminations(RuleBook rules) {
        this.rules = rules;
        this.history = rules.pattern("earlier.history");
        this.restated = rules.pattern("earlier.restated");
        this.restatedIfSurgical = rules.pattern("earlier.restatedIfSurgical");
        this.sectionStart = rules.pattern("earlier.sectionStart");
        this.specimenAtHand = rules.pattern("earlier.specimenAtHand");
        this.specimens = new LinkedHashMap<>();
        rules.patternLists(rules.text("earlier.specimens")).forEach((value, list) -> specimens.put(value, rules.joined(list)));
        this.biopsy = rules.text("earlier.biopsy");
    }

    /** Marks the passages of {@code text} about earlier examinations. */
    void mark(ReportText text) {
        Scan h = rules.scan(history, text.whole());
        while (h.find()) {
            text.mark(h.start(), passageEnd(text, h.start(), h.end(), ":", true), ReportText.HISTORY);
        }
        Scan r = rules.scan(restated, text.whole());
        while (r.find()) {
            markRestated(text, r.start(), r.end());
        }
        Scan b = rules.scan(restatedIfSurgical, text.whole());
        Boolean surgical = null; // worked out when first needed: most reports have no such cue
        while (b.find()) {
            if (surgical == null) {
                surgical = surgicalSpecimen(text);
            }
            if (surgical) {
                markRestated(text, b.start(), b.end());
            }
        }
    }

    /** The cue's heading line (or the paragraph under it), else its sentence. */
    private void markRestated(ReportText text, int start, int end) {
        String matched = text.matched();
        int lineStart = matched.lastIndexOf('\n', start - 1) + 1;
        String before = matched.substring(lineStart, start);
        boolean inHeading = before.length() <= HEADING && before.chars().noneMatch(Character::isDigit);
        int from = inHeading ? lineStart : text.clauseStart(start, ".;\n");
        int to = inHeading ? passageEnd(text, start, end, ":)", false) : text.clauseEnd(end, ".;\n");
        Region atHand = rules.region(specimenAtHand, text.whole(), end, to);
        if (atHand.find()) {
            to = Math.max(end, text.clauseStart(atHand.start(), ".;\n"));
        }
        text.mark(from, to, ReportText.RESTATED);
    }

    /**
     * The end of the passage a cue at [start, cueEnd) begins: its line, or, when only blanks and the {@code closing}
     * characters follow the cue on its line (a heading: "RENSEIGNEMENTS CLINIQUES", "Immunohistochimie (sur la
     * biopsie) :") and, if {@code opensLine}, nothing but blanks precedes it (not "... sans autre indication"), the
     * paragraph under it, up to a blank line or a line that opens another section.
     */
    private int passageEnd(ReportText text, int start, int cueEnd, String closing, boolean opensLine) {
        String matched = text.matched();
        int end = matched.indexOf('\n', start);
        end = end < 0 ? matched.length() : end;
        int lineStart = matched.lastIndexOf('\n', start - 1) + 1;
        if (!headingOnly(matched, cueEnd, end, closing) || (opensLine && !headingOnly(matched, lineStart, start, ""))) {
            return end;
        }
        int blank = matched.indexOf("\n\n", end);
        int paragraphEnd = blank < 0 ? matched.length() : blank;
        for (int line = end + 1; line < paragraphEnd; line = matched.indexOf('\n', line) + 1) {
            if (rules.region(sectionStart, text.whole(), line, paragraphEnd).lookingAt() || capitalHeading(matched, line)) {
                return line - 1;
            }
            if (matched.indexOf('\n', line) < 0) {
                break;
            }
        }
        return paragraphEnd;
    }

    /** A short line of words in capitals ("MACROSCOPIE", "CONCLUSION :"; not "RE : 90 %"): a heading. */
    private static boolean capitalHeading(String matched, int lineStart) {
        int end = matched.indexOf('\n', lineStart);
        end = end < 0 ? matched.length() : end;
        int letters = 0;
        for (int i = lineStart; i < end; i++) {
            char c = matched.charAt(i);
            if (Character.isLowerCase(c) || Character.isDigit(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 5 && end - lineStart <= 60;
    }

    private static boolean headingOnly(String matched, int from, int to, String closing) {
        for (int i = from; i < to; i++) {
            char c = matched.charAt(i);
            if (!Character.isWhitespace(c) && closing.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first specimen the examination at hand names is not a biopsy (the longest name where two start together). */
    private boolean surgicalSpecimen(ReportText text) {
        int first = Integer.MAX_VALUE;
        int longest = 0;
        String value = null;
        for (Map.Entry<String, List<Pattern>> e : specimens.entrySet()) {
            for (Pattern p : e.getValue()) {
                Scan s = rules.scan(p, text.current()).before(first == Integer.MAX_VALUE ? first : first + 1);
                if (s.find() && (s.start() < first || s.end() - s.start() > longest)) {
                    first = s.start();
                    longest = s.end() - s.start();
                    value = e.getKey();
                }
            }
        }
        return value != null && !value.equals(biopsy);
    }
}
