package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every match of a pattern must start with, read from the pattern's source: literal word prefixes (lower case,
 * accents folded: "[ée]" is "e") and/or "a digit". A scan then tries the pattern only where one of them occurs in the
 * folded text, instead of at every position. Patterns whose start cannot be read this way (an optional first token,
 * a character class of several letters) have no anchors and are scanned everywhere, so anchors only ever skip
 * positions where the pattern cannot match.
 */
final class Anchors {
    static final Anchors NONE = new Anchors(null, false, false);

    private final List<String> words; // null: no anchors
    private final boolean digit;
    private final boolean digitAtWordStart;

    private Anchors(List<String> words, boolean digit, boolean digitAtWordStart) {
        this.words = words;
        this.digit = digit;
        this.digitAtWordStart = digitAtWordStart;
    }

    /** Whether a digit anchor must begin a number (the pattern has \\b before it): "14" is tried at "1" only. */
    boolean digitAtWordStart() {
        return digitAtWordStart;
    }

    boolean usable() {
        return words != null;
    }

    List<String> words() {
        return words;
    }

    boolean digit() {
        return digit;
    }

    /** Anchors of a regular expression source, or {@link #NONE}. */
    static Anchors of(String regex) {
        Set<String> words = new LinkedHashSet<>();
        boolean[] digit = {false, true}; // {some alternative starts with a digit, every such one at a word start}
        if (!alternatives(regex, words, digit)) {
            return NONE;
        }
        return new Anchors(new ArrayList<>(words), digit[0], digit[0] && digit[1]);
    }

    /** Adds the anchors of each top-level alternative of {@code s}; false when one of them has none. */
    private static boolean alternatives(String s, Set<String> words, boolean[] digit) {
        for (String alt : splitTopLevel(s)) {
            if (!sequence(alt, words, digit)) {
                return false;
            }
        }
        return true;
    }

    /** The anchor of a sequence: zero-width prefixes are skipped, then a group, a digit or a literal word. */
    private static boolean sequence(String s, Set<String> words, boolean[] digit) {
        int i = 0;
        boolean wordStart = false;
        while (i < s.length()) {
            if (s.startsWith("\\b", i) || s.startsWith("^", i)) {
                wordStart |= s.startsWith("\\b", i);
                i += s.startsWith("\\b", i) ? 2 : 1;
            } else if (s.startsWith("(?<!", i) || s.startsWith("(?<=", i) || s.startsWith("(?!", i) || s.startsWith("(?=", i)) {
                int end = close(s, i);
                wordStart |= s.startsWith("(?<![\\p{L}\\p{N}])", i) || s.startsWith("(?<![\\p{L}])", i) || s.startsWith("(?<!\\w)", i);
                i = end + 1; // a lookaround: zero width
            } else if (s.startsWith("(?-i:", i) || s.startsWith("(?i:", i)) {
                int end = close(s, i);
                return quantified(s, end) ? false : alternatives((wordStart ? "\\b" : "") + s.substring(s.indexOf(':', i) + 1, end), words, digit);
            } else if (s.startsWith("(?:", i) || s.startsWith("(?<", i) || (s.charAt(i) == '(' && !s.startsWith("(?", i))) {
                int end = close(s, i);
                int bodyStart = s.startsWith("(?:", i) ? i + 3 : s.startsWith("(?<", i) ? s.indexOf('>', i) + 1 : i + 1;
                return !quantified(s, end) && alternatives(prefixEach(wordStart, s.substring(bodyStart, end)), words, digit);
            } else {
                break;
            }
        }
        if (i >= s.length()) {
            return false;
        }
        if (s.startsWith("\\d", i) || (s.charAt(i) == '[' && digitClass(s, i))) {
            int after = s.startsWith("\\d", i) ? i + 2 : s.indexOf(']', i) + 1;
            if (after < s.length() && (s.charAt(after) == '?' || s.charAt(after) == '*' || s.startsWith("{0", after))) {
                return false;
            }
            digit[0] = true;
            digit[1] &= wordStart;
            return true;
        }
        StringBuilder word = new StringBuilder();
        while (i < s.length()) {
            String piece;
            int next;
            if (s.startsWith("\\Q", i)) {
                int end = s.indexOf("\\E", i);
                String lit = s.substring(i + 2, end < 0 ? s.length() : end);
                StringBuilder f = new StringBuilder();
                for (char c : lit.toCharArray()) {
                    f.append(fold(c));
                }
                piece = f.toString();
                next = end < 0 ? s.length() : end + 2;
            } else if (s.charAt(i) == '[') {
                int end = s.indexOf(']', i);
                Character same = end < 0 ? null : oneLetter(s.substring(i + 1, end));
                if (same == null) {
                    break;
                }
                piece = String.valueOf(same);
                next = end + 1;
            } else if (Character.isLetterOrDigit(s.charAt(i)) || (s.charAt(i) == '-' && word.length() > 0)) {
                piece = String.valueOf(fold(s.charAt(i)));
                next = i + 1;
            } else {
                break;
            }
            if (next < s.length() && (s.charAt(next) == '?' || s.charAt(next) == '*' || s.startsWith("{0", next))) {
                if (piece.length() > 1) {
                    word.append(piece, 0, piece.length() - 1); // only the last character is optional
                }
                break;
            }
            word.append(piece);
            if (next < s.length() && (s.charAt(next) == '+' || s.charAt(next) == '{')) {
                break; // repeated: only the first occurrence is certain
            }
            i = next;
        }
        while (word.length() > 0 && word.charAt(word.length() - 1) == '-') {
            word.setLength(word.length() - 1);
        }
        if (word.length() < 1) {
            return false;
        }
        words.add((wordStart && Character.isLetter(word.charAt(0)) ? WORD_START : "") + word);
        return true;
    }

    /** Marks a word that a match must begin at a word start (after \\b): "un" then skips "aucun". */
    static final String WORD_START = "\u0001";

    /** Puts \\b before each top-level alternative of a group body, when the group itself follows \\b. */
    private static String prefixEach(boolean wordStart, String body) {
        if (!wordStart) {
            return body;
        }
        return String.join("|", splitTopLevel(body).stream().map(a -> "\\b" + a).toList());
    }

    private static boolean digitClass(String s, int open) {
        int end = s.indexOf(']', open);
        return end > open + 1 && s.substring(open + 1, end).matches("[0-9-]+");
    }

    /** The letter a character class stands for once folded ("[ée]" is e), or null. */
    private static Character oneLetter(String body) {
        if (body.startsWith("^") || body.contains("\\") || body.contains("-")) {
            return null;
        }
        Character letter = null;
        for (char c : body.toCharArray()) {
            if (!Character.isLetter(c)) {
                return null;
            }
            char f = fold(c);
            if (letter != null && letter != f) {
                return null;
            }
            letter = f;
        }
        return letter;
    }

    private static boolean quantified(String s, int close) {
        int n = close + 1;
        return n < s.length() && (s.charAt(n) == '?' || s.charAt(n) == '*' || s.startsWith("{0", n));
    }

    /** Index of the parenthesis closing the one at {@code open}. */
    private static int close(String s, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** Lower case without accent, one character for one (œ and other letters without decomposition stay). */
    static char fold(char c) {
        if (c < 128) {
            return (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        return Character.toLowerCase(d.charAt(0));
    }

    @Override
    public String toString() {
        return words == null ? "none" : words + (digit ? "+digit" : "");
    }

    /** {@link #fold} applied to every character (same length). */
    static String foldAll(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = c < FOLD.length ? FOLD[c] : fold(c);
        }
        return new String(out);
    }

    private static final char[] FOLD = new char[0x0250]; // Latin letters: the reports' alphabet

    static {
        for (int c = 0; c < FOLD.length; c++) {
            FOLD[c] = fold((char) c);
        }
    }
}
