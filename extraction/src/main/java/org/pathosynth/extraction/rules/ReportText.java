package org.pathosynth.extraction.rules;


/**
 * A report text prepared for matching, with an offset map back to the original: typographic spaces, apostrophes
 * and dashes are replaced, dot leaders ("Taille ........ 14 mm") become spaces, and words hyphenated across a line
 * break ("spé-\ncifique") are joined. Spans found in the matched copy are mapped back with {@link #originalStart}
 * and {@link #originalEnd}. Lines that restate earlier results (clinical history, "rappel", "cf. biopsie") can be
 * marked ({@link #markPrior}), so values of the specimen at hand can be preferred.
 */
final class ReportText {

    private final String original;
    private final String matched;
    private final int[] origin; // matched index -> original index; origin[length] = original length
    private final boolean[] prior;
    private final AnchorLexicon lexicon;
    private AnchorLexicon.Occurrences found;

    /** A text whose anchors are looked up with {@code lexicon} (words it lacks are found one by one). */
    ReportText(String original, AnchorLexicon lexicon) {
        this.original = original;
        this.lexicon = lexicon;
        char[] in = original.toCharArray();
        int n = in.length;
        char[] out = new char[n];
        char[] lower = new char[n];
        char[] fold = new char[n];
        int[] map = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c > '.' && c < 127 || c == ' ') { // letters, digits and most punctuation: copied, lower-cased, folded
                char lowerCase = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                map[k] = i;
                out[k] = c;
                lower[k] = lowerCase;
                fold[k++] = lowerCase;
                continue;
            }
            if (c == '-') {
                int join = hyphenatedBreakEnd(in, i);
                if (join > 0) {
                    i = join - 1; // drop the hyphen and the line break
                    continue;
                }
            }
            char m = switch (c) {
                case '.' -> (i > 0 && in[i - 1] == '.') || (i + 1 < n && in[i + 1] == '.') ? ' ' : '.'; // dot leaders
                case '\u2026', '\u00A0', '\u202F', '\u2007', '\t' -> ' ';
                case '\u2019', '\u02BC', '\u2018' -> '\'';
                case '\u2212', '\u2013', '\u2014' -> '-';
                case '\r' -> '\n';
                default -> c;
            };
            map[k] = i;
            out[k] = m;
            lower[k] = m < 128 ? (m >= 'A' && m <= 'Z' ? (char) (m + 32) : m) : Character.toLowerCase(m);
            fold[k++] = Anchors.fold1(m);
        }
        map[k] = n;
        this.matched = new String(out, 0, k);
        this.lowered = new String(lower, 0, k);
        this.folded = fold;
        this.origin = k == n ? map : java.util.Arrays.copyOf(map, k + 1);
        this.prior = new boolean[k];
    }

    /**
     * For a word hyphenated across a line break ("spé-\\ncifique": a letter, '-', spaces, a line break, spaces, a lower-case
     * letter) starting at {@code i}, the index of the lower-case letter; otherwise 0.
     */
    private static int hyphenatedBreakEnd(char[] s, int i) {
        if (s[i] != '-' || i == 0 || !Character.isLetter(s[i - 1])) {
            return 0;
        }
        int j = i + 1;
        while (j < s.length && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        if (j < s.length && s[j] == '\r') {
            j++;
        }
        if (j >= s.length || s[j] != '\n') {
            return 0;
        }
        j++;
        while (j < s.length && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        return j < s.length && Character.isLowerCase(s[j]) ? j : 0;
    }

    /**
     * Marks the line from {@code start} as restating earlier results; when the cue ending at {@code cueEnd} is a
     * heading alone on its line ("RENSEIGNEMENTS CLINIQUES"), the paragraph under it, up to a blank line, too.
     */
    void markPrior(int start, int cueEnd) {
        int end = matched.indexOf('\n', start);
        end = end < 0 ? matched.length() : end;
        if (matched.substring(cueEnd, end).isBlank()) {
            int blank = matched.indexOf("\n\n", end);
            end = blank < 0 ? matched.length() : blank;
        }
        java.util.Arrays.fill(prior, start, end, true);
    }

    /**
     * Where the word before {@code index} starts, blanks between them skipped ("à" in "à 2 mm", from the "2"); the
     * position before the blanks when no letter precedes them.
     */
    int previousWordStart(int index) {
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
    int windowEnd(int cueEnd, int width) {
        int end = Math.min(matched.length(), skipBlanks(cueEnd) + width);
        while (end < matched.length() && end > 0 && Character.isLetterOrDigit(matched.charAt(end - 1))
                && Character.isLetterOrDigit(matched.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The end of the sentence at {@code from}: a full stop or a line break, except a break after a comma (a wrapped line). */
    int sentenceEnd(int from) {
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

    private final java.util.Map<Object, Object> memo = new java.util.HashMap<>();

    /** A value worked out once per report (e.g. every marker mention) and kept under {@code key}. */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    private final java.util.List<java.util.regex.Matcher> lent = new java.util.ArrayList<>();

    /** The pooled matchers this report's scans hold (see {@link MatcherPool}). */
    java.util.List<java.util.regex.Matcher> lentMatchers() {
        return lent;
    }

    private boolean skippingPrior;

    /** While on, scans skip matches that start in restated earlier results: the specimen at hand is read first. */
    void skipPrior(boolean on) {
        skippingPrior = on;
    }

    private int skips;

    /** Whether a scan should pass over a match starting at {@code index}; counted, see {@link #skips()}. */
    boolean skipped(int index) {
        if (skippingPrior && prior[index]) {
            skips++;
            return true;
        }
        return false;
    }

    /** How many candidate positions scans have passed over as restated results so far. */
    int skips() {
        return skips;
    }

    private final String lowered;
    private final char[] folded; // the folded copy, in its first length() characters
    private int[][] digitStarts; // every digit, run starts, number starts; listed when a rule first needs them
    private final java.util.Map<String, int[]> wordPositions = new java.util.HashMap<>();
    private final java.util.Map<Anchors, int[]> anchorPositions = new java.util.IdentityHashMap<>();

    /** The matched copy lower-cased character for character (same length and offsets; accents kept). */
    String lowered() {
        return lowered;
    }

    static String lower(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(out[i]);
        }
        return new String(out);
    }

    /** Sorted positions where any of the anchors occurs in the folded text (see {@link Scan}); cached per anchors. */
    int[] anchorPositions(Anchors anchors) {
        return anchorPositions.computeIfAbsent(anchors, this::positions);
    }

    private int[] positions(Anchors anchors) {
        if (found == null) {
            found = lexicon.find(folded, matched.length(), matched);
        }
        int[] ids = anchors.idsIn(lexicon);
        int[][] own = new int[ids.length][]; // words the lexicon lacks, looked up here
        int total = 0;
        for (int w = 0; w < ids.length; w++) {
            if (ids[w] < 0) {
                own[w] = wordPositions.computeIfAbsent(anchors.words().get(w), this::occurrences);
                total += own[w].length;
            } else {
                total += found.count(ids[w]);
            }
        }
        int[] d = digitStarts(anchors.digitStart());
        total += d.length;
        int[] out = new int[total];
        int n = 0;
        int lists = 0;
        for (int w = 0; w < ids.length; w++) {
            int before = n;
            if (ids[w] < 0) {
                System.arraycopy(own[w], 0, out, n, own[w].length);
                n += own[w].length;
            } else {
                found.copy(ids[w], out, n);
                n += found.count(ids[w]);
            }
            lists += n > before ? 1 : 0;
        }
        System.arraycopy(d, 0, out, n, d.length);
        lists += d.length > 0 ? 1 : 0;
        if (lists <= 1) {
            return out; // each list is sorted and free of repeats: only unions need sorting
        }
        java.util.Arrays.sort(out);
        int distinct = 0; // "ca" and "carcinom" both start at "carcinome": one position, tried once
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : java.util.Arrays.copyOf(out, distinct);
    }

    /** Positions of digits where a match may start: every digit, the first of each run, or those after no letter. */
    private int[] digitStarts(Anchors.DigitStart start) {
        if (start == Anchors.DigitStart.NONE) {
            return new int[0];
        }
        if (digitStarts == null) {
            digitStarts = digitStarts(folded, matched.length());
        }
        return digitStarts[start.ordinal() - 1];
    }

    /** Every digit, the first digit of each run, and the first digit of each number not glued to a word. */
    private static int[][] digitStarts(char[] text, int length) {
        int[] all = new int[32];
        int[] runs = new int[32];
        int[] numbers = new int[32];
        int n = 0;
        int r = 0;
        int w = 0;
        for (int i = 0; i < length; i++) {
            if (!isDigit(text[i])) {
                continue;
            }
            if (n == all.length) { // runs and numbers are never longer than all
                all = java.util.Arrays.copyOf(all, n * 2);
                runs = java.util.Arrays.copyOf(runs, n * 2);
                numbers = java.util.Arrays.copyOf(numbers, n * 2);
            }
            all[n++] = i;
            char before = i == 0 ? ' ' : text[i - 1];
            if (!isDigit(before)) {
                runs[r++] = i;
                if (!(before < 128 ? (before | 0x20) >= 'a' && (before | 0x20) <= 'z' : Character.isLetter(before))) {
                    numbers[w++] = i;
                }
            }
        }
        return new int[][] {java.util.Arrays.copyOf(all, n), java.util.Arrays.copyOf(runs, r), java.util.Arrays.copyOf(numbers, w)};
    }

    private static boolean isDigit(char c) {
        return c <= '9' ? c >= '0' : c > 127 && Character.isDigit(c);
    }

    /**
     * Occurrences of one anchor word the lexicon did not have when this text was read (rules first used while it is
     * read): a lexicon of that word alone, so word starts, exact case and white space are matched the same way.
     */
    private int[] occurrences(String anchor) {
        return AnchorLexicon.EMPTY.with(java.util.List.of(anchor)).find(folded, matched.length(), matched).positions();
    }

    String original() {
        return original;
    }

    String matched() {
        return matched;
    }

    int length() {
        return matched.length();
    }

    /** Whether a position lies in a restatement of earlier results. */
    boolean isPrior(int index) {
        return index < prior.length && prior[index];
    }

    int originalStart(int matchedStart) {
        return origin[matchedStart];
    }

    int originalEnd(int matchedEnd) {
        return matchedEnd == 0 ? 0 : origin[matchedEnd - 1] + 1;
    }

    /** Start of the clause around {@code index}: just after the previous boundary character. */
    int clauseStart(int index, String boundaries) {
        for (int i = index - 1; i >= 0; i--) {
            if (isBoundary(i, boundaries)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** End of the clause from {@code index}: the next boundary character or the end. */
    int clauseEnd(int index, String boundaries) {
        for (int i = index; i < matched.length(); i++) {
            if (isBoundary(i, boundaries)) {
                return i;
            }
        }
        return matched.length();
    }

    /** A boundary character, except a point or comma between digits (a decimal separator). */
    private boolean isBoundary(int i, String boundaries) {
        char c = matched.charAt(i);
        if (boundaries.indexOf(c) < 0) {
            return false;
        }
        boolean decimal = (c == '.' || c == ',') && i > 0 && i + 1 < matched.length()
                && Character.isDigit(matched.charAt(i - 1)) && Character.isDigit(matched.charAt(i + 1));
        return !decimal;
    }
}
