package org.pathosynth.extraction.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every match of a pattern must start with, read from the pattern's source: literal word prefixes (lower case,
 * accents folded: "[ée]" is "e") and/or "a digit". A scan then tries the pattern only where one of them occurs in the
 * folded text, instead of at every position. Patterns whose start cannot be read this way (an optional first token,
 * a character class of several letters) have no anchors and are scanned everywhere, so anchors only ever skip
 * positions where the pattern cannot match. An anchor may run over white space between words ("carcinome lobulaire"
 * from "carcinome\\s+lobulaire"): a run of white space in the text counts as one space.
 */
final class Anchors {
    static final Anchors NONE = new Anchors(null, DigitStart.NONE);

    /** Where a match may start on a digit: nowhere, at any digit, after no digit, or after no letter nor digit. */
    enum DigitStart { NONE, ANY, RUN_START, WORD_START }

    private final List<String> words; // null: no anchors
    private final DigitStart digitStart;
    private volatile Object[] ids; // {lexicon, int[] ids in it}: the last lexicon asked, usually the only one

    private Anchors(List<String> words, DigitStart digitStart) {
        this.words = words;
        this.digitStart = digitStart;
    }

    /** Which digits a match may start on ("14" is tried at "1" only when the pattern has {@code \\b} or {@code (?<!\\d)} before it). */
    DigitStart digitStart() {
        return digitStart;
    }

    /** The ids of {@link #words} in {@code lexicon} (-1 for words it lacks), cached for the last lexicon. */
    int[] idsIn(AnchorLexicon lexicon) {
        Object[] cached = ids;
        if (cached != null && cached[0] == lexicon) {
            return (int[]) cached[1];
        }
        int[] out = words.stream().mapToInt(lexicon::id).toArray();
        ids = new Object[] {lexicon, out};
        return out;
    }

    /** What identifies these anchors: equal keys, equal positions in every text. */
    String key() {
        return words + "\u0000" + digitStart;
    }

    boolean usable() {
        return words != null;
    }

    List<String> words() {
        return words;
    }

    boolean digit() {
        return digitStart != DigitStart.NONE;
    }

    /** Anchors of a regular expression source, or {@link #NONE}. */
    static Anchors of(String regex) {
        Set<String> words = new LinkedHashSet<>();
        DigitStart[] digit = {DigitStart.NONE}; // the least restrictive start of the alternatives that begin with a digit
        if (!alternatives(regex, words, digit, false)) {
            return NONE;
        }
        return new Anchors(new ArrayList<>(words), digit[0]);
    }

    /** Adds the anchors of each top-level alternative of {@code s}; false when one of them has none. */
    private static boolean alternatives(String s, Set<String> words, DigitStart[] digit, boolean exactCase) {
        for (String alt : splitTopLevel(s)) {
            if (!sequence(alt, words, digit, exactCase)) {
                return false;
            }
        }
        return true;
    }

    /** The anchor of a sequence: zero-width prefixes are skipped, then a group, a digit or a literal word. */
    private static boolean sequence(String s, Set<String> words, DigitStart[] digit, boolean exactCase) {
        int i = 0;
        boolean wordStart = false;
        boolean afterNoDigit = false;
        while (i < s.length()) {
            if (s.startsWith("\\b", i) || s.startsWith("^", i)) {
                wordStart |= s.startsWith("\\b", i);
                i += s.startsWith("\\b", i) ? 2 : 1;
            } else if (s.startsWith("(?<!", i) || s.startsWith("(?<=", i) || s.startsWith("(?!", i) || s.startsWith("(?=", i)) {
                int end = close(s, i);
                wordStart |= s.startsWith("(?<![\\p{L}\\p{N}])", i) || s.startsWith("(?<![\\p{L}])", i) || s.startsWith("(?<!\\w)", i)
                        || s.startsWith("(?<!" + RuleBook.WORD_CHAR + ")", i);
                afterNoDigit |= s.startsWith("(?<!\\d)", i) || (s.startsWith("(?<![", i) && !s.startsWith("(?<![^", i)
                        && s.substring(i + 5, s.indexOf(']', i + 5)).contains("\\d"));
                i = end + 1; // a lookaround: zero width
            } else if (s.startsWith("(?-i:", i) || s.startsWith("(?i:", i)) {
                int end = close(s, i);
                return !quantified(s, end) && alternatives(prefixEach(wordStart ? "\\b" : "", s.substring(s.indexOf(':', i) + 1, end)),
                        words, digit, s.startsWith("(?-i:", i));
            } else if (s.startsWith("(?:", i) || s.startsWith("(?<", i) || (s.charAt(i) == '(' && !s.startsWith("(?", i))) {
                int end = close(s, i);
                int bodyStart = s.startsWith("(?:", i) ? i + 3 : s.startsWith("(?<", i) ? s.indexOf('>', i) + 1 : i + 1;
                String body = s.substring(bodyStart, end);
                return !quantified(s, end) && alternatives(prefixEach((wordStart ? "\\b" : "") + (afterNoDigit ? "(?<!\\d)" : ""), body),
                        words, digit, exactCase);
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
            String listed = s.charAt(i) == '[' ? s.substring(i + 1, after - 1) : "";
            if (!listed.isEmpty() && !listed.contains("-") && listed.length() <= 3) {
                listed.chars().forEach(d -> words.add(String.valueOf((char) d))); // "[89]": an 8 or a 9 starts it
                return true;
            }
            DigitStart start = wordStart ? DigitStart.WORD_START : afterNoDigit ? DigitStart.RUN_START : DigitStart.ANY;
            if (digit[0] == DigitStart.NONE || start.ordinal() < digit[0].ordinal()) {
                digit[0] = start;
            }
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
                    f.append(exactCase ? c : fold(c));
                }
                piece = f.toString();
                next = end < 0 ? s.length() : end + 2;
            } else if (s.charAt(i) == '[' && !exactCase) {
                int end = s.indexOf(']', i);
                Character same = end < 0 ? null : oneLetter(s.substring(i + 1, end));
                if (same == null) {
                    break;
                }
                piece = String.valueOf(same);
                next = end + 1;
            } else if (Character.isLetterOrDigit(s.charAt(i)) || (s.charAt(i) == '-' && word.length() > 0)) {
                piece = String.valueOf(exactCase ? s.charAt(i) : fold(s.charAt(i)));
                next = i + 1;
            } else if (!exactCase && word.length() > 0 && (s.startsWith("\\s+", i) || s.startsWith("\\h+", i) || s.charAt(i) == ' ')) {
                piece = " "; // white space between words: any run of it is one space in the lexicon
                next = s.charAt(i) == ' ' ? i + 1 : i + 3;
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
        while (word.length() > 0 && (word.charAt(word.length() - 1) == '-' || word.charAt(word.length() - 1) == ' ')) {
            word.setLength(word.length() - 1);
        }
        if (word.length() < 1) {
            return false;
        }
        boolean hasLetter = word.chars().anyMatch(Character::isLetter);
        words.add((wordStart && Character.isLetter(word.charAt(0)) ? WORD_START : "") + (exactCase && hasLetter ? EXACT_CASE : "") + word);
        return true;
    }

    /** Marks a word that a match must begin at a word start (after \\b): "un" then skips "aucun". */
    static final String WORD_START = "\u0001";

    /**
     * Marks a word of a case-sensitive part ("(?-i:N\\h*\\+)"), kept in its case: it is looked for folded, then
     * kept only where the text has it in that case, so "N+" is not tried at every "n".
     */
    static final String EXACT_CASE = "\u0002";

    /** Puts the zero-width {@code prefix} ({@code \\b}, {@code (?<!\\d)}) that precedes a group before each of its top-level alternatives. */
    private static String prefixEach(String prefix, String body) {
        if (prefix.isEmpty()) {
            return body;
        }
        return String.join("|", splitTopLevel(body).stream().map(a -> prefix + a).toList());
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
    static int close(String s, int open) {
        int at = structure(s, open, (c, depth) -> c == ')' && depth == 0);
        return at < 0 ? s.length() - 1 : at;
    }

    /** The top-level alternatives of a regular expression source. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int bar = structure(s, 0, Anchors::topLevelBar); bar >= 0; bar = structure(s, bar + 1, Anchors::topLevelBar)) {
            out.add(s.substring(from, bar));
            from = bar + 1;
        }
        out.add(s.substring(from));
        return out;
    }

    private static boolean topLevelBar(char c, int depth) {
        return c == '|' && depth == 0;
    }

    /** Where a walk over a regular expression source stops: at a character outside escapes and classes, at a depth. */
    @FunctionalInterface
    private interface Stop {
        /** @param depth the group depth after {@code c} (a parenthesis opening or closing counts) */
        boolean at(char c, int depth);
    }

    /**
     * Walks a regular expression source from {@code from}, skipping escaped characters and character classes, counting
     * group depth from there; returns the first index where {@code stop} holds, or -1.
     */
    private static int structure(String s, int from, Stop stop) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (stop.at(c, depth)) {
                return i;
            }
        }
        return -1;
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
        return words == null ? "none" : words + (digit() ? "+digit(" + digitStart + ")" : "");
    }

    /** {@link #fold} applied to every character (same length). */
    static String foldAll(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = fold1(c);
        }
        return new String(out);
    }

    /** {@link #fold} through a table, filled as characters are met (a race only writes the same value twice). */
    static char fold1(char c) {
        char f = FOLD[c];
        if (f == 0 && c != 0) {
            f = fold(c);
            FOLD[c] = f;
        }
        return f;
    }

    private static final char[] FOLD = new char[Character.MAX_VALUE + 1];

}
