package org.pathosynth.extraction.student;

import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.RuleBook;

/**
 * Whether a value's evidence sits in a statement of a test that is planned, requested or pending ("HER2 en attente",
 * "IHC (RH, HER2, Ki67) en cours", "to follow"): such a statement gives no result, whatever the words near it look
 * like, for every extractor. The statement is the stretch of text around the evidence's start between sentence ends,
 * semicolons, line ends and commas outside brackets, so that "RE positif, HER2 négatif, Ki67 à venir" keeps its HER2. The cue words
 * are the rules file's {@code markers.planned}, one list for the rules and the student.
 */
final class PlannedTests {
    private final Pattern planned;

    private PlannedTests(Pattern planned) {
        this.planned = planned;
    }

    /** The cues of the rules that ship with PathoSynth. */
    static PlannedTests shipped() {
        return new PlannedTests(RuleBook.load().pattern("markers.planned"));
    }

    /**
     * True when the statement at {@code at} in {@code text} says its test is planned or pending. Give the position where
     * the value's evidence starts (or where it names its attribute): a clause may run on into the next statement
     * ("RP positifs (70 %). Étude de HER2 en cours"), whose cue is not about it.
     */
    boolean inPlannedStatement(String text, int at) {
        int from = boundaryBefore(text, at);
        int to = boundaryAfter(text, at);
        return planned.matcher(text.substring(from, to).toLowerCase(java.util.Locale.ROOT)).find();
    }

    private static int boundaryBefore(String text, int start) {
        int depth = 0;
        for (int i = Math.min(start, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth = Math.max(0, depth - 1);
            } else if (isEnd(c) || (c == ',' && depth == 0)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int boundaryAfter(String text, int at) {
        int depth = 0;
        for (int i = Math.max(at, 0); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (isEnd(c) || (c == ',' && depth == 0)) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isEnd(char c) {
        return c == '.' || c == ';' || c == '\n';
    }
}
