package org.pathosynth.extraction.rules;

/**
 * A report text prepared for matching: typographic spaces and apostrophes are replaced one for one,
 * so every offset in the matched copy is an offset in the original text.
 */
final class ReportText {
    private final String original;
    private final String matched;

    ReportText(String original) {
        this.original = original;
        char[] chars = original.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '\u00A0', '\u202F', '\u2007', '\t' -> ' ';
                case '\u2019', '\u02BC', '\u2018' -> '\'';
                case '\u2212', '\u2013' -> '-';
                case '\r' -> '\n';
                default -> chars[i];
            };
        }
        this.matched = new String(chars);
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
