package org.pathosynth.llm.extraction;

import java.text.Normalizer;

/**
 * Finds a model's evidence quote in the report and returns its span in the original text. An exact match comes
 * first; otherwise the text and the quote are compared without case, accents, or differences in spacing and
 * apostrophes, with œ read as oe, through an offset map so the span still points into the original (decomposed accents included).
 */
final class QuoteLocator {
    private final String text;
    private final String folded;
    private final int[] origin; // folded index -> original index

    QuoteLocator(String text) {
        this.text = text;
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length() * 2 + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // a decomposed accent: belongs to the previous letter
            }
            if (isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    map[out.length()] = i;
                    out.append(' ');
                }
                continue;
            }
            for (char f : fold(c).toCharArray()) {
                if (out.length() >= map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[out.length()] = i;
                out.append(f);
            }
        }
        folded = out.toString();
        origin = map;
    }

    /** The span [start, end) of the quote in the original text, or null when it is not there. */
    int[] locate(String quote) {
        if (quote == null || quote.isBlank()) {
            return null;
        }
        String q = quote.strip();
        int exact = text.indexOf(q);
        if (exact >= 0) {
            return new int[] {exact, exact + q.length()};
        }
        String fq = foldAll(q);
        if (fq.isEmpty()) {
            return null;
        }
        int at = folded.indexOf(fq);
        if (at < 0) {
            return null;
        }
        int start = origin[at];
        int end = origin[at + fq.length() - 1] + 1;
        while (end < text.length() && Character.getType(text.charAt(end)) == Character.NON_SPACING_MARK) {
            end++; // keep the accent of a decomposed last letter
        }
        return new int[] {start, end};
    }

    private static String foldAll(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            out.append(fold(c));
        }
        return out.toString().strip();
    }

    private static String fold(char c) {
        if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
            return "'";
        }
        if (c == '\u0153' || c == '\u0152') {
            return "oe"; // œstrogènes is also written oestrogènes
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(1);
        for (int i = 0; i < d.length(); i++) {
            if (Character.getType(d.charAt(i)) != Character.NON_SPACING_MARK) {
                out.append(Character.toLowerCase(d.charAt(i)));
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }
}
