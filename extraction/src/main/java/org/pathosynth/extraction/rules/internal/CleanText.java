package org.pathosynth.extraction.rules.internal;

import java.util.Arrays;

/**
 * A report text cleaned up for matching, with an offset map back to the original: typographic spaces, apostrophes
 * and dashes are replaced, dot leaders ("Taille ........ 14 mm") become spaces, and words hyphenated across a line
 * break ("spé-\ncifique") are joined. Three copies of the same length and offsets: as written, lower-cased (for
 * rules run as their lower-case twin) and folded (lower case without accents, where anchors are looked up).
 */
final class CleanText {
    final String matched;
    final String lowered;
    final char[] folded; // the folded copy, in its first matched.length() characters
    private final int[] origin; // matched index -> original index; origin[length] = original length

    CleanText(String original) {
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
        this.origin = k == n ? map : Arrays.copyOf(map, k + 1);
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

    int length() {
        return matched.length();
    }

    int originalStart(int matchedStart) {
        return origin[matchedStart];
    }

    int originalEnd(int matchedEnd) {
        return matchedEnd == 0 ? 0 : origin[matchedEnd - 1] + 1;
    }

    /** Lower case character for character (same length), as the cleaned copy is lowered. */
    static String lower(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(out[i]);
        }
        return new String(out);
    }
}
