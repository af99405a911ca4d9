package org.pathosynth.extraction.student;

import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.RuleBook;

/**
 * Whether a value's evidence sits in a statement of a test that is planned, requested or pending ("HER2 en attente",
 * "IHC (RH, HER2, Ki67) en cours", "to follow"): such a statement gives no result, whatever the words near it look
 * like, for every extractor. The statement is the stretch of the sentence (up to a full stop, semicolon or line end)
 * between commas outside brackets, so that "RE positif, HER2 négatif, Ki67 à venir" keeps its HER2 and a list in
 * brackets stays one statement. The cue words are the rules file's {@code markers.planned}, one list for the rules and
 * the student.
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
     * the value's evidence starts: a clause may run on into the next statement ("RP positifs (70 %). Étude de HER2 en
     * cours"), whose cue is not about it.
     */
    boolean inPlannedStatement(String text, int at) {
        int position = Math.max(0, Math.min(at, text.length()));
        int sentenceStart = position;
        while (sentenceStart > 0 && !isEnd(text.charAt(sentenceStart - 1))) {
            sentenceStart--;
        }
        int sentenceEnd = position;
        while (sentenceEnd < text.length() && !isEnd(text.charAt(sentenceEnd))) {
            sentenceEnd++;
        }
        // the sentence's statements: split at commas outside brackets
        int from = sentenceStart;
        int depth = 0;
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (position <= i) {
                    return matches(text, from, i);
                }
                from = i + 1;
            }
        }
        return matches(text, from, sentenceEnd);
    }

    private boolean matches(String text, int from, int to) {
        return planned.matcher(text.substring(from, to).toLowerCase(java.util.Locale.ROOT)).find();
    }

    private static boolean isEnd(char c) {
        return c == '.' || c == ';' || c == '\n';
    }
}
