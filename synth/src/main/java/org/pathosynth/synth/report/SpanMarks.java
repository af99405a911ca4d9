package org.pathosynth.synth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invisible private-use characters that mark, while a report is composed, where each attribute's value is stated;
 * {@link #strip} removes them and returns the clean text with the spans they enclosed. A mark is two characters: a
 * kind (open or close, stated or flavour) and the attribute's index in the schema. Template text may narrow an
 * attribute's phrase with {@code ⟦...⟧}; without them the whole rendered phrase is the span.
 *
 * <p>A stated span (the attribute's own phrase) comes before a flavour span (a slot of another phrase that happens to
 * state the attribute, such as the breast side of a specimen line); among spans of one rank the first written comes first.
 */
final class SpanMarks {
    static final char NARROW_OPEN = '⟦';
    static final char NARROW_CLOSE = '⟧';
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final char OPEN_FLAVOUR = '\uE002';
    private static final char CLOSE_FLAVOUR = '\uE003';
    private static final char INDEX = '\uE100';
    private static final int MAX_ATTRIBUTES = 0xEFFF - INDEX;

    private SpanMarks() {
    }

    static String open(int attribute) {
        return new String(new char[] {OPEN, index(attribute)});
    }

    static String close(int attribute) {
        return new String(new char[] {CLOSE, index(attribute)});
    }

    /** The phrase, marked as stating the attribute; its {@code ⟦...⟧} part only, when it has one. */
    static String stated(String phrase, int... attributes) {
        if (phrase == null || phrase.isEmpty()) {
            return phrase;
        }
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int a : attributes) {
            open.append(open(a));
            close.insert(0, close(a));
        }
        int narrow = phrase.indexOf(NARROW_OPEN);
        if (narrow < 0) {
            return open + phrase + close;
        }
        int end = phrase.indexOf(NARROW_CLOSE, narrow);
        return phrase.substring(0, narrow) + open + phrase.substring(narrow + 1, end) + close + phrase.substring(end + 1);
    }

    /**
     * A phrase stating several attributes, each in its own part: {@code ⟦key:...⟧} marks the part of the attribute
     * {@code key} stands for ("RH+ (⟦er:RE 90 %⟧ / ⟦pr:RP 40 %⟧)").
     */
    static String statedParts(String phrase, java.util.Map<String, Integer> attributes) {
        StringBuilder out = new StringBuilder(phrase.length() + 8);
        int at = 0;
        while (true) {
            int open = phrase.indexOf(NARROW_OPEN, at);
            if (open < 0) {
                return out.append(phrase, at, phrase.length()).toString();
            }
            int colon = phrase.indexOf(':', open);
            int close = phrase.indexOf(NARROW_CLOSE, colon);
            int attribute = attributes.get(phrase.substring(open + 1, colon));
            out.append(phrase, at, open).append(open(attribute)).append(phrase, colon + 1, close).append(close(attribute));
            at = close + 1;
        }
    }

    /** A slot's text marked as a flavour mention of the attribute. */
    static String flavour(String text, int attribute) {
        return new String(new char[] {OPEN_FLAVOUR, index(attribute)}) + text + new String(new char[] {CLOSE_FLAVOUR, index(attribute)});
    }

    static boolean isMark(char c) {
        return c >= OPEN && c <= '\uEFFF';
    }

    /** The text with its first visible character in upper case, unless the word is a notation ("pN1a", "eGFR"). */
    static String capitalised(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isMark(c)) {
                i++;
                continue;
            }
            int next = i + 1;
            while (next + 1 < s.length() && isMark(s.charAt(next))) {
                next += 2;
            }
            if (next < s.length() && Character.isUpperCase(s.charAt(next)) && Character.isLowerCase(c)) {
                return s;
            }
            return s.substring(0, i) + Character.toUpperCase(c) + s.substring(i + 1);
        }
        return s;
    }

    /** The last visible character, or 0 when there is none. */
    static char lastVisible(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (i > 0 && isMark(s.charAt(i - 1)) && isMark(c)) {
                i--;
                continue;
            }
            return c;
        }
        return 0;
    }

    /** Whether the text shows nothing but blanks once marks are removed. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isMark(c)) {
                i++;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isMark(c)) {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text without the marks of stated phrases, keeping flavour marks: a distractor's own values are not the record's,
     * but the side or quadrant it names through the record's slots is.
     */
    static String flavourOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == OPEN || c == CLOSE) {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the attribute is marked anywhere in the text (as stated or flavour). */
    static boolean marks(String s, int attribute) {
        char idx = index(attribute);
        for (int i = 0; i + 1 < s.length(); i++) {
            if ((s.charAt(i) == OPEN || s.charAt(i) == OPEN_FLAVOUR) && s.charAt(i + 1) == idx) {
                return true;
            }
        }
        return false;
    }

    /**
     * The clean text and, per attribute (schema order), the spans of every phrase that states it (a conclusion may
     * restate it), then those of flavour slots that state it too (the side in "tumorectomie droite"): a reader learns
     * from every place the value is written, and the attribute's own phrase stays the first. Empty spans are dropped.
     */
    static SpannedText strip(String marked, List<String> attributes) {
        char[] in = marked.toCharArray();
        char[] out = new char[in.length];
        int length = 0;
        int n = attributes.size();
        int[] open = filled(n);
        int[] openFlavour = filled(n);
        List<List<int[]>> stated = new ArrayList<>();
        List<List<int[]>> flavour = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            stated.add(new ArrayList<>());
            flavour.add(new ArrayList<>());
        }
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            if (!isMark(c) || i + 1 >= in.length) {
                out[length++] = c;
                continue;
            }
            int a = in[++i] - INDEX;
            switch (c) {
                case OPEN -> open[a] = open[a] < 0 ? length : open[a];
                case CLOSE -> {
                    if (open[a] >= 0 && length > open[a]) {
                        stated.get(a).add(new int[] {open[a], length});
                    }
                    open[a] = -1;
                }
                case OPEN_FLAVOUR -> openFlavour[a] = openFlavour[a] < 0 ? length : openFlavour[a];
                case CLOSE_FLAVOUR -> {
                    if (openFlavour[a] >= 0 && length > openFlavour[a]) {
                        flavour.get(a).add(new int[] {openFlavour[a], length});
                    }
                    openFlavour[a] = -1;
                }
                default -> throw new IllegalStateException("unknown span mark " + (int) c);
            }
        }
        Map<String, List<int[]>> spans = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            List<int[]> chosen = new ArrayList<>(stated.get(a));
            chosen.addAll(flavour.get(a));
            if (!chosen.isEmpty()) {
                spans.put(attributes.get(a), chosen);
            }
        }
        return new SpannedText(new String(out, 0, length), spans);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    private static char index(int attribute) {
        if (attribute < 0 || attribute > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("attribute index out of range: " + attribute);
        }
        return (char) (INDEX + attribute);
    }
}
