package org.pathosynth.extraction.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report text prepared for matching, with an offset map back to the original: typographic spaces, apostrophes
 * and dashes are replaced, dot leaders ("Taille ........ 14 mm") become spaces, and words hyphenated across a line
 * break ("spé-\ncifique") are joined. Spans found in the matched copy are mapped back with {@link #originalStart}
 * and {@link #originalEnd}. Lines that restate earlier results (clinical history, "rappel", "cf. biopsie") are
 * marked, so values of the specimen at hand can be preferred.
 */
final class ReportText {
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(?<=\\p{L})-[ \\t]*\\r?\\n[ \\t]*(?=\\p{Ll})");

    private final String original;
    private final String matched;
    private final int[] origin; // matched index -> original index; origin[length] = original length
    private final boolean[] prior;

    ReportText(String original) {
        this(original, null);
    }

    ReportText(String original, Pattern priorLine) {
        this.original = original;
        StringBuilder out = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        Matcher joins = HYPHENATED_BREAK.matcher(original);
        int next = joins.find() ? joins.start() : -1;
        for (int i = 0; i < original.length(); i++) {
            if (i == next) {
                i = joins.end() - 1; // drop the hyphen and the line break
                next = joins.find() ? joins.start() : -1;
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
        if (priorLine != null) {
            Matcher m = priorLine.matcher(matched);
            while (m.find()) {
                int end = matched.indexOf('\n', m.start());
                java.util.Arrays.fill(prior, m.start(), end < 0 ? matched.length() : end, true);
            }
        }
    }

    private String folded;
    private int[] digits;
    private final java.util.Map<String, int[]> wordPositions = new java.util.HashMap<>();

    /** Sorted positions where any of the anchors occurs in the folded text (see {@link Scan}). */
    int[] anchorPositions(Anchors anchors) {
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
                int[] all = new int[matched.length()];
                for (int i = 0; i < matched.length(); i++) {
                    if (Character.isDigit(matched.charAt(i))) {
                        all[n++] = i;
                    }
                }
                digits = java.util.Arrays.copyOf(all, n);
            }
            lists[lists.length - 1] = digits;
            total += digits.length;
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

    private int[] occurrences(String word) {
        int[] out = new int[8];
        int n = 0;
        for (int i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + 1)) {
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
