package org.pathosynth.extraction.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One report as the rules read it: its cleaned-up text (see {@link CleanText}), the passages about earlier
 * examinations, and three views to scan: {@link #current()}, the examination at hand with those passages passed over,
 * {@link #restated()}, only the results this report restates from an earlier specimen, and {@link #whole()}. Two kinds
 * of passage: the clinical history ("Renseignements cliniques", "rappel", "cf. biopsie") and results restated from the
 * biopsy ("Immunohistochimie (sur la biopsie) : ...", "performed on the core biopsy, reported separately"). Positions
 * are those of the cleaned text; {@link #originalStart} and {@link #originalEnd} map spans back to the report as
 * written. Read by one thread, for one report.
 */
public final class ReportText {
    private final String original;
    private final CleanText clean;
    /** Per position: {@link #CURRENT}, {@link #HISTORY} or {@link #RESTATED}. */
    private final byte[] prior;
    private boolean anyRestated;
    private final AnchorIndex anchors;
    private final List<Matcher> lent = new ArrayList<>();
    private final TextView whole = new TextView(this, TextView.Part.WHOLE);
    private final TextView current = new TextView(this, TextView.Part.CURRENT);
    private final TextView restated = new TextView(this, TextView.Part.RESTATED);

    static final byte CURRENT = 0;
    static final byte HISTORY = 1;
    static final byte RESTATED = 2;

    /** A text whose anchors are looked up with {@code lexicon} (words it lacks are found one by one). */
    ReportText(String original, AnchorLexicon lexicon) {
        this.original = original;
        this.clean = new CleanText(original);
        this.prior = new byte[clean.length()];
        this.anchors = new AnchorIndex(clean, lexicon);
    }

    /** The whole text, restated earlier results included. */
    public TextView whole() {
        return whole;
    }

    /** The examination at hand: scans pass over matches that start in passages about earlier examinations. */
    public TextView current() {
        return current;
    }

    /** Only the results restated from an earlier specimen: scans pass over every other match. */
    public TextView restated() {
        return restated;
    }

    /** Whether the report restates results of an earlier specimen (see {@link #restated()}). */
    public boolean hasRestated() {
        return anyRestated;
    }

    /** Marks [start, end) as a passage of the given kind; a restatement of results outranks history. */
    void mark(int start, int end, byte kind) {
        for (int i = start; i < end; i++) {
            if (prior[i] < kind) {
                prior[i] = kind;
            }
        }
        anyRestated |= kind == RESTATED && end > start;
    }

    /** Whether a position lies in a passage about an earlier examination (history or restated results). */
    public boolean isPrior(int index) {
        return index < prior.length && prior[index] != CURRENT;
    }

    /** The passages about earlier examinations as [start, end) spans of the report as written, in text order. */
    public List<int[]> earlierPassages() {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < prior.length) {
            if (prior[i] == CURRENT) {
                i++;
                continue;
            }
            int start = i;
            while (i < prior.length && prior[i] != CURRENT) {
                i++;
            }
            out.add(new int[] {originalStart(start), originalEnd(i)});
        }
        return out;
    }

    /** The kind of passage a position known to be in the text lies in. */
    byte kindAt(int index) {
        return prior[index];
    }

    public String original() {
        return original;
    }

    /** The cleaned text. */
    public String matched() {
        return clean.matched;
    }

    /** The cleaned text lower-cased character for character (same length and offsets; accents kept). */
    String lowered() {
        return clean.lowered;
    }

    public int length() {
        return clean.length();
    }

    public int originalStart(int matchedStart) {
        return clean.originalStart(matchedStart);
    }

    public int originalEnd(int matchedEnd) {
        return clean.originalEnd(matchedEnd);
    }

    /** Sorted positions where any of the anchors occurs (see {@link Scan}). */
    int[] anchorPositions(Anchors a) {
        return anchors.positions(a);
    }

    /**
     * Whether one of the words of {@code a} begins at {@code index}, compared as the lexicon compares them (folded,
     * a run of white space for a space, exact-case words in their case) but without asking for a word start: a
     * check that never rules out a place where the anchors occur.
     */
    boolean anchorAt(Anchors a, int index) {
        for (String anchor : a.words()) {
            String word = anchor.startsWith(Anchors.WORD_START) ? anchor.substring(1) : anchor;
            if (word.startsWith(Anchors.EXACT_CASE) ? wordAt(word, 1, index, false) : wordAt(word, 0, index, true)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} from {@code from} is at {@code index} of the folded text (or of the text as written). */
    private boolean wordAt(String word, int from, int index, boolean folded) {
        int length = clean.length();
        int i = index;
        for (int k = from; k < word.length(); k++) {
            char w = word.charAt(k);
            if (w == ' ') {
                if (i >= length || !AnchorLexicon.isSpace(clean.matched.charAt(i))) {
                    return false;
                }
                while (i < length && AnchorLexicon.isSpace(clean.matched.charAt(i))) {
                    i++;
                }
            } else if (i >= length || (folded ? clean.folded[i] : clean.matched.charAt(i)) != w) {
                return false;
            } else {
                i++;
            }
        }
        return true;
    }

    /** The pooled matchers this report's scans hold (see {@link MatcherPool}). */
    List<Matcher> lentMatchers() {
        return lent;
    }

    /**
     * Where the word before {@code index} starts, blanks between them skipped ("à" in "à 2 mm", from the "2"); the
     * position before the blanks when no letter precedes them.
     */
    public int previousWordStart(int index) {
        String matched = clean.matched;
        int i = index;
        while (i > 0 && (matched.charAt(i - 1) == ' ' || matched.charAt(i - 1) == '\t')) {
            i--;
        }
        while (i > 0 && Character.isLetter(matched.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The first position from {@code index} that is not horizontal white space (dot leaders are blanked). */
    int skipBlanks(int index) {
        String matched = clean.matched;
        int i = index;
        while (i < matched.length() && (matched.charAt(i) == ' ' || matched.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Where a window of {@code width} characters after a cue ending at {@code cueEnd} ends: blanks right after the cue
     * (dot leaders) do not count, and a word is never cut ("not amplif|ied" would read as "amplified").
     */
    public int windowEnd(int cueEnd, int width) {
        String matched = clean.matched;
        int end = Math.min(matched.length(), skipBlanks(cueEnd) + width);
        while (end < matched.length() && end > 0 && Character.isLetterOrDigit(matched.charAt(end - 1))
                && Character.isLetterOrDigit(matched.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The end of the sentence at {@code from}: a full stop or a line break, except a break after a comma (a wrapped line). */
    public int sentenceEnd(int from) {
        String matched = clean.matched;
        int end = clauseEnd(from, ".\n");
        while (end < matched.length() && matched.charAt(end) == '\n') {
            int last = end - 1;
            while (last >= 0 && matched.charAt(last) == ' ') {
                last--;
            }
            if (last < 0 || matched.charAt(last) != ',') {
                break;
            }
            end = clauseEnd(end + 1, ".\n");
        }
        return end;
    }

    /** Start of the clause around {@code index}: just after the previous boundary character. */
    public int clauseStart(int index, String boundaries) {
        for (int i = index - 1; i >= 0; i--) {
            if (isBoundary(i, boundaries)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** End of the clause from {@code index}: the next boundary character or the end. */
    public int clauseEnd(int index, String boundaries) {
        for (int i = index; i < clean.length(); i++) {
            if (isBoundary(i, boundaries)) {
                return i;
            }
        }
        return clean.length();
    }

    /** A boundary character, except a point or comma between digits (a decimal separator). */
    private boolean isBoundary(int i, String boundaries) {
        String matched = clean.matched;
        char c = matched.charAt(i);
        if (boundaries.indexOf(c) < 0) {
            return false;
        }
        boolean decimal = (c == '.' || c == ',') && i > 0 && i + 1 < matched.length()
                && Character.isDigit(matched.charAt(i - 1)) && Character.isDigit(matched.charAt(i + 1));
        return !decimal;
    }
}
