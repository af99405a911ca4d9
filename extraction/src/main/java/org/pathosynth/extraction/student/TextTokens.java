package org.pathosynth.extraction.student;

import java.util.Arrays;

/**
 * A report cut into tokens with their character offsets: words (letters), numbers (digits with at most one decimal
 * comma or point) and single punctuation characters; blanks separate them. Each token's identity is a 64-bit hash of
 * its folded form (lower case, accents removed, œ as oe), computed without building strings, so the student's features
 * cost no allocation. Numbers keep their parsed value.
 */
final class TextTokens {
    static final byte WORD = 1;
    static final byte NUMBER = 2;
    static final byte PUNCT = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Folded lower-case form of the first 0x250 code points (Latin-1 and Latin Extended-A/B); 0 = not a letter. */
    private static final char[] FOLD = new char[0x250];

    static {
        String from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
        String to = "aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy";
        for (char c = 'a'; c <= 'z'; c++) {
            FOLD[c] = c;
            FOLD[Character.toUpperCase(c)] = c;
        }
        for (int i = 0; i < from.length(); i++) {
            FOLD[from.charAt(i)] = to.charAt(i);
        }
        for (char c = 0xC0; c < 0x250; c++) {
            if (FOLD[c] == 0 && Character.isLetter(c)) {
                char lower = Character.toLowerCase(c);
                FOLD[c] = lower < 0x250 && FOLD[lower] != 0 ? FOLD[lower] : lower;
            }
        }
    }

    final String text;
    /** The text's characters: indexing an array is cheaper than {@code String.charAt} on accented (UTF-16) text. */
    private final char[] chars;
    int size;
    int[] start = new int[64];
    int[] end = new int[64];
    byte[] type = new byte[64];
    long[] hash = new long[64];
    double[] number = new double[64];
    /** Whether a line break lies between this token and the previous one. */
    boolean[] newLineBefore = new boolean[64];

    private TextTokens(String text) {
        this.text = text;
        this.chars = text.toCharArray();
    }

    static TextTokens of(String text) {
        TextTokens t = new TextTokens(text);
        t.tokenize();
        return t;
    }

    private void tokenize() {
        int n = text.length();
        int i = 0;
        boolean newLine = true;
        while (i < n) {
            char c = chars[i];
            if (c == '\n' || c == '\r') {
                newLine = true;
                i++;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (isLetter(c)) {
                int s = i;
                long h = FNV_OFFSET;
                while (i < n && isLetter(chars[i])) {
                    h = foldInto(h, chars[i]);
                    i++;
                    int resume = afterLineHyphen(i);
                    if (resume > 0) {
                        i = resume; // "spé-\ncifique" is one word, cut by the line's end
                    }
                }
                // A name written with digits is one word: "HER2", "Ki67", "pT2", "pN1a", and with a hyphen "Ki-67", "HER-2"
                int digits = i < n && chars[i] == '-' && i + 1 < n && isDigit(chars[i + 1]) ? i + 1 : i;
                if (digits < n && isDigit(chars[digits])) {
                    i = digits;
                    while (i < n && (isDigit(chars[i]) || isLetter(chars[i]))) {
                        h = foldInto(h, chars[i]);
                        i++;
                    }
                }
                add(s, i, WORD, h, Double.NaN, newLine);
                newLine = false;
            } else if (c >= '0' && c <= '9') {
                int s = i;
                while (i < n && isDigit(chars[i])) {
                    i++;
                }
                if (i + 1 < n && (chars[i] == ',' || chars[i] == '.') && isDigit(chars[i + 1])) {
                    i++;
                    while (i < n && isDigit(chars[i])) {
                        i++;
                    }
                }
                String digits = text.substring(s, i).replace(',', '.');
                double value = digits.length() > 15 ? Double.NaN : Double.parseDouble(digits);
                add(s, i, NUMBER, shapeHash(s, i), value, newLine);
                newLine = false;
            } else {
                long h = (FNV_OFFSET ^ 0x2A) * FNV_PRIME ^ foldPunct(c);
                add(i, i + 1, PUNCT, h * FNV_PRIME, Double.NaN, newLine);
                newLine = false;
                i++;
            }
        }
    }

    /**
     * When a hyphen that ends a line stands at {@code i} between letters ("vas-" then "culaires" on the next line), the
     * index of the next line's first letter; else -1.
     */
    private int afterLineHyphen(int i) {
        int n = text.length();
        if (i + 1 >= n || chars[i] != '-' || !isLetter(chars[i - 1])) {
            return -1;
        }
        int j = i + 1;
        while (j < n && (chars[j] == ' ' || chars[j] == '\t')) {
            j++;
        }
        if (j >= n || (chars[j] != '\n' && chars[j] != '\r')) {
            return -1;
        }
        while (j < n && Character.isWhitespace(chars[j])) {
            j++;
        }
        return j < n && isLetter(chars[j]) && Character.isLowerCase(chars[j]) ? j : -1;
    }

    private static char foldPunct(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '`', '\u00B4' -> '\'';
            case '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00AB', '\u00BB', '\u201C', '\u201D' -> '"';
            default -> c;
        };
    }

    /** A number's identity: its literal for whole numbers up to 10 ("3" in "3+", "2" in "grade 2"), else its digit shape. */
    private long shapeHash(int s, int e) {
        long h = FNV_OFFSET ^ 0x23;
        String lit = text.substring(s, e);
        boolean small = lit.length() <= 2 && lit.indexOf(',') < 0 && lit.indexOf('.') < 0 && Integer.parseInt(lit) <= 10;
        for (int k = s; k < e; k++) {
            char c = chars[k];
            h = (h ^ (small ? c : (c >= '0' && c <= '9' ? 'd' : ','))) * FNV_PRIME;
        }
        return h;
    }

    private void add(int s, int e, byte kind, long h, double value, boolean newLine) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            type = Arrays.copyOf(type, cap);
            hash = Arrays.copyOf(hash, cap);
            number = Arrays.copyOf(number, cap);
            newLineBefore = Arrays.copyOf(newLineBefore, cap);
        }
        start[size] = s;
        end[size] = e;
        type[size] = kind;
        hash[size] = h;
        number[size] = value;
        newLineBefore[size] = newLine;
        size++;
    }

    static boolean isLetter(char c) {
        return c < 0x250 ? FOLD[c] != 0 : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long foldInto(long h, char c) {
        if (c >= '0' && c <= '9') {
            return (h ^ c) * FNV_PRIME;
        }
        if (c < 0x250) {
            char f = FOLD[c];
            if (c == 'œ' || c == 'Œ') {
                return ((h ^ 'o') * FNV_PRIME ^ 'e') * FNV_PRIME;
            }
            if (c == 'æ' || c == 'Æ') {
                return ((h ^ 'a') * FNV_PRIME ^ 'e') * FNV_PRIME;
            }
            return (h ^ f) * FNV_PRIME;
        }
        return (h ^ Character.toLowerCase(c)) * FNV_PRIME;
    }

    /** The folded form of a word, for the hash of its first letters. */
    long prefixHash(int token, int letters) {
        long h = FNV_OFFSET ^ 0x5E;
        int e = Math.min(end[token], start[token] + letters);
        for (int k = start[token]; k < e; k++) {
            h = foldInto(h, chars[k]);
        }
        return h;
    }

    int length(int token) {
        return end[token] - start[token];
    }

    /** The hash the tokenizer gives a word written on its own: for lexicons of words (number words, units). */
    static long wordHash(String word) {
        long h = FNV_OFFSET;
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) != '-') {
                h = foldInto(h, word.charAt(k));
            }
        }
        return h;
    }

    /** The hash of a single punctuation character, as the tokenizer gives it. */
    static long punctHash(char c) {
        return ((FNV_OFFSET ^ 0x2A) * FNV_PRIME ^ foldPunct(c)) * FNV_PRIME;
    }
}
