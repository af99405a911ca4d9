package org.pathosynth.extraction.rules.internal;

import java.util.List;

/**
 * What must follow the number a rule begins with: {@code "\\b(?<a>{NUM})\\s+ganglions? ..."} can only match where, after a
 * number of at most three digits or a number word, and the blanks after it, one of the anchors of the rest
 * ("ganglion") begins. Node rules all begin with a number, and node sentences hold many numbers (sizes, dates,
 * percentages): checking what follows with a lookup, before the regular expression is tried, spares most attempts.
 * Read from the rule's source; rules of any other shape have none.
 *
 * @param rest          the anchors of the rule after the number and the blanks (any of the lists)
 * @param restChars     punctuation the rest may begin with instead ("/" of "3/14", "," of "12, dont 2")
 * @param blankRequired whether at least one blank must follow the number ("\\s+"), or may ("\\s*")
 * @param blankAllowed  whether blanks may follow at all
 * @param words         the number words the rule accepts (lower case, kept sorted), empty for digits only
 */
record NumberLead(List<Anchors> rest, String restChars, boolean blankRequired, boolean blankAllowed, List<String> words) {

    NumberLead {
        words = words.stream().sorted().toList();
    }

    private static final String DIGITS = "\\d{1,3}";

    /** The lead of a compiled rule's source, or null when the rule does not begin with a lone number group. */
    static NumberLead of(String source, String numberPattern, List<String> numberWords) {
        if (Anchors.splitTopLevel(source).size() != 1) {
            return null;
        }
        int i = 0;
        while (i < source.length()) { // zero-width prefixes: \b and look-arounds
            if (source.startsWith("\\b", i)) {
                i += 2;
            } else if (source.startsWith("(?<!", i) || source.startsWith("(?<=", i) || source.startsWith("(?!", i) || source.startsWith("(?=", i)) {
                i = Anchors.close(source, i) + 1;
            } else {
                break;
            }
        }
        if (!source.startsWith("(?<", i) || i + 3 >= source.length() || !Character.isLetter(source.charAt(i + 3))) {
            return null; // not a named group
        }
        int close = Anchors.close(source, i);
        String body = source.substring(source.indexOf('>', i) + 1, close);
        boolean words;
        if (body.equals(DIGITS)) {
            words = false;
        } else if (body.equals(numberPattern)) {
            words = true;
        } else {
            return null;
        }
        String rest = source.substring(close + 1);
        if (rest.isEmpty() || "?*+{".indexOf(rest.charAt(0)) >= 0) {
            return null; // an optional or repeated number
        }
        boolean required = rest.startsWith("\\h+");
        boolean allowed = required || rest.startsWith("\\h*");
        String after = allowed ? rest.substring(3) : rest;
        if (after.startsWith("+") || after.startsWith("?")) {
            return null; // a possessive or lazy blank run: read as written, not here
        }
        List<Anchors> anchors = new java.util.ArrayList<>();
        StringBuilder chars = new StringBuilder();
        if (!starts(after, anchors, chars)) {
            return null;
        }
        return new NumberLead(List.copyOf(anchors), chars.toString(), required, allowed, words ? numberWords : List.of());
    }

    private static final String META = "\\[](){}|?*+.^$";

    /**
     * Collects how {@code s} may begin: the anchors of words, or a punctuation character; an optional group leading it
     * counts both ways. False when some way cannot be read (then the rule gets no lead).
     */
    private static boolean starts(String s, List<Anchors> anchors, StringBuilder chars) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.startsWith("(?:")) {
            int close = Anchors.close(s, 0);
            String body = s.substring(3, close);
            String tail = s.substring(close + 1);
            boolean optional = tail.startsWith("?");
            if (tail.startsWith("*") || tail.startsWith("+") || tail.startsWith("{")) {
                return false;
            }
            String next = optional ? tail.substring(1) : tail;
            for (String a : Anchors.splitTopLevel(body)) {
                if (!starts(a + next, anchors, chars)) {
                    return false;
                }
            }
            return !optional || starts(next, anchors, chars);
        }
        char c = s.charAt(0);
        int after;
        if (c == '\\' && s.length() > 1 && META.indexOf(s.charAt(1)) >= 0) {
            c = s.charAt(1);
            after = 2;
        } else if (META.indexOf(c) < 0 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
            after = 1;
        } else {
            Anchors a = Anchors.of(s);
            if (!a.usable() || a.digit() || a.words().isEmpty()
                    || a.words().stream().map(NumberLead::firstChar).anyMatch(f -> Character.isDigit(f) || AnchorLexicon.isSpace(f))
                    || a.words().stream().anyMatch(w -> w.replace(Anchors.WORD_START, "").replace(Anchors.EXACT_CASE, "").length() < 2)) {
                return false; // a one-letter anchor ("n" of "3 N+") is everywhere: listing it would cost more than it spares
            }
            anchors.add(a);
            return true;
        }
        if (after < s.length() && "?*{".indexOf(s.charAt(after)) >= 0) {
            return false; // an optional character: what comes after it is not read
        }
        chars.append(c);
        return true;
    }

    private static char firstChar(String anchor) {
        String w = anchor.replace(Anchors.WORD_START, "").replace(Anchors.EXACT_CASE, "");
        return w.isEmpty() ? ' ' : w.charAt(0);
    }

    /** Whether a match of the rule may begin at {@code p}: a number there, then (blanks and) an anchor of the rest. */
    boolean mayMatchAt(ReportText text, int p) {
        String lowered = text.lowered();
        int length = lowered.length();
        char c = lowered.charAt(p);
        if (Character.isDigit(c)) {
            int end = p;
            while (end < length && Character.isDigit(lowered.charAt(end))) {
                end++;
            }
            // a shorter number would leave a digit where the rest, which never starts with one, must begin
            return end - p <= 3 && restAt(text, end);
        }
        for (String w : words) { // sorted: those that begin with c are together
            if (w.charAt(0) != c) {
                if (w.charAt(0) > c) {
                    break;
                }
                continue;
            }
            if (lowered.startsWith(w, p) && restAt(text, p + w.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean restAt(ReportText text, int end) {
        String lowered = text.lowered();
        int q = end;
        while (q < lowered.length() && isHorizontalBlank(lowered.charAt(q))) {
            q++;
        }
        if (q > end ? !blankAllowed : blankRequired) {
            return false;
        }
        if (q < lowered.length() && restChars.indexOf(lowered.charAt(q)) >= 0) {
            return true;
        }
        for (Anchors a : rest) {
            if (text.anchorAt(a, q)) {
                return true;
            }
        }
        return false;
    }

    /** What {@code \\h} matches. */
    private static boolean isHorizontalBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c == '\u180E' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}
