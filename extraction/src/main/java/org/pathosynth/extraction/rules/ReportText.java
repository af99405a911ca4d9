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

    ReportText(String original) {
        this.original = original;
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
    private int[] digits;
    private int[] numberStarts;
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
        if (folded == null) {
            folded = Anchors.foldAll(matched);
        }
        int[][] lists = new int[anchors.words().size() + 1][];
        int total = 0;
        for (int w = 0; w < anchors.words().size(); w++) {
            lists[w] = wordPositions.computeIfAbsent(anchors.words().get(w), this::occurrences);
            total += lists[w].length;
        }
        if (anchors.digit()) {
            if (digits == null) {
                int n = 0;
                int starts = 0;
                int[] all = new int[matched.length()];
                int[] first = new int[matched.length()];
                for (int i = 0; i < matched.length(); i++) {
                    if (Character.isDigit(matched.charAt(i))) {
                        all[n++] = i;
                        if (i == 0 || !Character.isLetterOrDigit(matched.charAt(i - 1))) {
                            first[starts++] = i;
                        }
                    }
                }
                digits = java.util.Arrays.copyOf(all, n);
                numberStarts = java.util.Arrays.copyOf(first, starts);
            }
            int[] d = anchors.digitAtWordStart() ? numberStarts : digits;
            lists[lists.length - 1] = d;
            total += d.length;
        } else {
            lists[lists.length - 1] = new int[0];
        }
        int[] out = new int[total];
        int n = 0;
        for (int[] l : lists) {
            System.arraycopy(l, 0, out, n, l.length);
            n += l.length;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private int[] occurrences(String anchor) {
        boolean wordStart = anchor.startsWith(Anchors.WORD_START);
        String word = wordStart ? anchor.substring(1) : anchor;
        int[] out = new int[8];
        int n = 0;
        for (int i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + 1)) {
            if (wordStart && i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                continue; // the pattern starts at a word boundary: "un" inside "aucun" cannot match
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
