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
        StringBuilder out = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        for (int i = 0; i < original.length(); i++) {
            int join = hyphenatedBreakEnd(original, i);
            if (join > 0) {
                i = join - 1; // drop the hyphen and the line break
                continue;
            }
            char c = original.charAt(i);
            boolean leader = c == '.' && ((i > 0 && original.charAt(i - 1) == '.') || (i + 1 < original.length() && original.charAt(i + 1) == '.'));
            map[out.length()] = i;
            out.append(leader || c == '\u2026' ? ' ' : switch (c) {
                case '\u00A0', '\u202F', '\u2007', '\t' -> ' ';
                case '\u2019', '\u02BC', '\u2018' -> '\'';
                case '\u2212', '\u2013', '\u2014' -> '-';
                case '\r' -> '\n';
                default -> c;
            });
        }
        map[out.length()] = original.length();
        this.matched = out.toString();
        this.origin = java.util.Arrays.copyOf(map, out.length() + 1);
        this.prior = new boolean[matched.length()];
    }

    /**
     * For a word hyphenated across a line break ("spé-\\ncifique": a letter, '-', spaces, a line break, spaces, a lower-case
     * letter) starting at {@code i}, the index of the lower-case letter; otherwise 0.
     */
    private static int hyphenatedBreakEnd(String s, int i) {
        if (s.charAt(i) != '-' || i == 0 || !Character.isLetter(s.charAt(i - 1))) {
            return 0;
        }
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '\r') {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '\n') {
            return 0;
        }
        j++;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return j < s.length() && Character.isLowerCase(s.charAt(j)) ? j : 0;
    }

    /** Marks the line from {@code start} as restating earlier results. */
    void markPrior(int start) {
        int end = matched.indexOf('\n', start);
        java.util.Arrays.fill(prior, start, end < 0 ? matched.length() : end, true);
    }

    private String folded;
    private int[][] digitStarts; // every digit, run starts, number starts
    private final java.util.Map<String, int[]> wordPositions = new java.util.HashMap<>();
    private final java.util.Map<Anchors, int[]> anchorPositions = new java.util.IdentityHashMap<>();

    private String lowered;

    /** The matched copy lower-cased character for character (same length and offsets; accents kept). */
    String lowered() {
        if (lowered == null) {
            lowered = lower(matched);
        }
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
            found = lexicon.find(folded(), matched);
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
        if (lists > 1) {
            java.util.Arrays.sort(out); // each list is sorted: only unions need it
        }
        return out;
    }

    /** Positions of digits where a match may start: every digit, the first of each run, or those after no letter. */
    private int[] digitStarts(Anchors.DigitStart start) {
        if (start == Anchors.DigitStart.NONE) {
            return new int[0];
        }
        if (digitStarts == null) {
            int[][] lists = {new int[matched.length()], new int[matched.length()], new int[matched.length()]};
            int[] sizes = new int[3];
            for (int i = 0; i < matched.length(); i++) {
                char c = matched.charAt(i);
                if (c >= '0' && c <= '9' || c > 127 && Character.isDigit(c)) {
                    char before = i == 0 ? ' ' : matched.charAt(i - 1);
                    boolean afterDigit = Character.isDigit(before);
                    lists[0][sizes[0]++] = i;
                    if (!afterDigit) {
                        lists[1][sizes[1]++] = i;
                        if (!Character.isLetter(before)) {
                            lists[2][sizes[2]++] = i;
                        }
                    }
                }
            }
            digitStarts = new int[3][];
            for (int k = 0; k < 3; k++) {
                digitStarts[k] = java.util.Arrays.copyOf(lists[k], sizes[k]);
            }
        }
        return digitStarts[start.ordinal() - 1];
    }

    private String folded() {
        if (folded == null) {
            folded = Anchors.foldAll(matched);
        }
        return folded;
    }

    /** Occurrences of one anchor word found on its own (a word the lexicon did not have when this text was read). */
    private int[] occurrences(String anchor) {
        boolean wordStart = anchor.startsWith(Anchors.WORD_START);
        String word = wordStart ? anchor.substring(1) : anchor;
        String exact = word.startsWith(Anchors.EXACT_CASE) ? word.substring(1) : null;
        if (exact != null) {
            word = Anchors.foldAll(exact);
        }
        int[] out = new int[8];
        int n = 0;
        for (int i = folded().indexOf(word); i >= 0; i = folded.indexOf(word, i + 1)) {
            if (wordStart && i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                continue; // the pattern starts at a word boundary: "un" inside "aucun" cannot match
            }
            if (exact != null && !matched.startsWith(exact, i)) {
                continue;
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
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
