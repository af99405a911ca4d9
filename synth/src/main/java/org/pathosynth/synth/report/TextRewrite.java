package org.pathosynth.synth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new text written from an old one character by character (kept, replaced, dropped, or text inserted between), which
 * remembers where each old character went, so that spans into the old text can be moved into the new one.
 */
final class TextRewrite {
    private final String source;
    private final StringBuilder out;
    private final int[] newStart;
    private final int[] newEnd;

    TextRewrite(String source) {
        this.source = source;
        this.out = new StringBuilder(source.length() + 16);
        this.newStart = new int[source.length()];
        this.newEnd = new int[source.length()];
    }

    String source() {
        return source;
    }

    /** Keeps the old character {@code i}. */
    void keep(int i) {
        newStart[i] = out.length();
        out.append(source.charAt(i));
        newEnd[i] = out.length();
    }

    void keep(int from, int to) {
        for (int i = from; i < to; i++) {
            keep(i);
        }
    }

    /** Writes {@code text} in place of the old character {@code i} (empty: drops it). */
    void replace(int i, CharSequence text) {
        newStart[i] = out.length();
        out.append(text);
        newEnd[i] = out.length();
    }

    /** Writes text that stands for no old character. */
    void insert(CharSequence text) {
        out.append(text);
    }

    /** The new text, and the spans moved into it; a span whose characters were all dropped is dropped. */
    SpannedText finish(Map<String, List<int[]>> spans) {
        Map<String, List<int[]>> moved = new LinkedHashMap<>();
        spans.forEach((name, list) -> {
            List<int[]> kept = new ArrayList<>();
            for (int[] s : list) {
                int start = newStart[s[0]];
                int end = newEnd[s[1] - 1];
                if (end > start) {
                    kept.add(new int[] {start, end});
                }
            }
            if (!kept.isEmpty()) {
                moved.put(name, kept);
            }
        });
        return new SpannedText(out.toString(), moved);
    }
}
