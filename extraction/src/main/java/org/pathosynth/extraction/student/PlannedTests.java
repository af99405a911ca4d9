package org.pathosynth.extraction.student;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.RuleBook;

/**
 * Whether a value's evidence sits in a statement of a test that is planned, requested or pending ("HER2 en attente",
 * "IHC (RH, HER2, Ki67) en cours", "to follow"): such a statement gives no result, whatever the words near it look
 * like, for every extractor. The statement is the stretch of the sentence (up to a full stop, semicolon or line end)
 * between commas outside brackets, so that "RE positif, HER2 négatif, Ki67 à venir" keeps its HER2 and a list in
 * brackets stays one statement. A result of the test the rules file names in {@code markers.followUpSettles} (HER2) is
 * also left open when the statement right after it, on its line (or on the next, when its line ends with a comma or a
 * semicolon), plans the test that settles it, named in its first words ("HER2 : score 2+, SISH en attente",
 * "Equivocal (2+). Reflex FISH has been requested"); not when that statement says the test is not needed or not done
 * ("HER2 3+. FISH not performed"), nor when it names another test ("Ki-67 75 %. HER2 : FISH en cours"). The cue words
 * are the rules file's {@code markers.planned}, {@code markers.followUp} and {@code markers.followUpNegated}, one list
 * for the rules and the student.
 */
final class PlannedTests {
    private final Pattern planned;
    private final Pattern followUp;
    private final Pattern settled;
    private final Pattern negated;
    private final List<Pattern> tests;

    private PlannedTests(Pattern planned, Pattern followUp, Pattern settled, Pattern negated, List<Pattern> tests) {
        this.planned = planned;
        this.followUp = followUp;
        this.settled = settled;
        this.negated = negated;
        this.tests = List.copyOf(tests);
    }

    /** The cues of the rules that ship with PathoSynth. */
    static PlannedTests shipped() {
        RuleBook rules = RuleBook.load();
        List<Pattern> tests = new ArrayList<>();
        for (String id : rules.strings("markers.mentions")) {
            tests.add(rules.pattern("markers." + id));
        }
        return new PlannedTests(rules.pattern("markers.planned"), rules.pattern("markers.followUp"),
                rules.pattern("markers." + rules.text("markers.followUpSettles")), rules.pattern("markers.followUpNegated"), tests);
    }

    /**
     * True when the statement at {@code at} in {@code text} says its test is planned or pending, or the next statement
     * on its line plans the test that settles it. Give the position where the value's evidence starts: a clause may run
     * on into the next statement ("RP positifs (70 %). Étude de HER2 en cours"), whose cue is not about it.
     */
    boolean inPlannedStatement(String text, int at) {
        int position = Math.max(0, Math.min(at, text.length()));
        int[] statement = statementAt(text, position);
        if (matches(planned, text, statement[0], statement[1])) {
            return true;
        }
        if (!settled.matcher(text).region(statement[0], statement[1]).find()) {
            return false; // only the result the follow-up test settles waits for it
        }
        int next = statement[1];
        while (next < text.length() && (isEnd(text, next) || text.charAt(next) == ',' || Character.isWhitespace(text.charAt(next)))) {
            if (text.charAt(next) == '\n' && !wrapped(text, next)) {
                return false; // the next line is another statement's
            }
            next++;
        }
        if (next >= text.length()) {
            return false;
        }
        int[] following = statementAt(text, next);
        return matches(planned, text, following[0], following[1]) && matches(followUp, text, following[0], opening(text, following))
                && !matches(negated, text, following[0], following[1]) && !namesAnotherTest(text, statement, following[0], following[1]);
    }

    /** Whether the line break at {@code i} only wraps a statement: the line ends with a comma or a semicolon. */
    private static boolean wrapped(String text, int i) {
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 0 && (text.charAt(k) == ',' || text.charAt(k) == ';');
    }

    /**
     * Whether {@code [from, to)} names a test (the rules' {@code markers.mentions}: receptors, HER2, Ki-67) that the
     * statement does not: "Ki-67 75 %. HER2 : FISH en cours" plans HER2's settling test, not Ki-67's.
     */
    private boolean namesAnotherTest(String text, int[] statement, int from, int to) {
        for (Pattern t : tests) {
            if (t.matcher(text).region(from, to).find() && !t.matcher(text).region(statement[0], statement[1]).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the first {@value #OPENING_WORDS} words of a statement end: a test that settles a result opens its statement
     * ("SISH en attente", "Une hybridation in situ est demandée", "Reflex FISH has been ordered"), while one named
     * further on belongs to another result ("HER2 2+ → FISH en cours" after a receptor, "Recherche du réarrangement de
     * MYB (FISH) : demandée").
     */
    private static int opening(String text, int[] statement) {
        int i = statement[0];
        for (int word = 0; word < OPENING_WORDS; word++) {
            while (i < statement[1] && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < statement[1] && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static final int OPENING_WORDS = 3;

    /** The statement holding {@code position}: [start, end) between the sentence's ends and commas outside brackets. */
    private static int[] statementAt(String text, int position) {
        int sentenceStart = position;
        while (sentenceStart > 0 && !isEnd(text, sentenceStart - 1)) {
            sentenceStart--;
        }
        int sentenceEnd = position;
        while (sentenceEnd < text.length() && !isEnd(text, sentenceEnd)) {
            sentenceEnd++;
        }
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
                    return new int[] {from, i};
                }
                from = i + 1;
            }
        }
        return new int[] {from, sentenceEnd};
    }

    private static boolean matches(Pattern p, String text, int from, int to) {
        return p.matcher(text.substring(from, to).toLowerCase(java.util.Locale.ROOT)).find();
    }

    /**
     * A full stop, semicolon or line end; not a dot of a leader ("HER2 ........ 2+": a run of {@value #LEADER} dots or
     * more), which runs on to its value. An ellipsis or a doubled stop ends its sentence.
     */
    private static boolean isEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '.') {
            int from = i;
            while (from > 0 && text.charAt(from - 1) == '.') {
                from--;
            }
            int to = i + 1;
            while (to < text.length() && text.charAt(to) == '.') {
                to++;
            }
            return to - from < LEADER;
        }
        return c == ';' || c == '\n';
    }

    private static final int LEADER = 4;
}
