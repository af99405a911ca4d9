package org.pathosynth.extraction.filter;

import java.util.List;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.report.ReportPair;

/** Keeps reports whose length in words lies in [min, max]: drops stubs and run-on answers. */
public final class LengthFilter implements QualityFilter {
    public static final String NAME = "length";
    private final int minWords;
    private final int maxWords;

    private LengthFilter(int minWords, int maxWords) {
        if (minWords < 0 || maxWords < minWords) {
            throw new IllegalArgumentException("need 0 <= minWords <= maxWords, got " + minWords + " and " + maxWords);
        }
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    public static LengthFilter words(int min, int max) {
        return new LengthFilter(min, max);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterDecision judge(ReportPair pair) {
        int words = countWords(pair.report().text());
        if (words < minWords) {
            return FilterDecision.reject(NAME, (double) words / Math.max(1, minWords), List.of("shorter than " + minWords + " words"));
        }
        if (words > maxWords) {
            return FilterDecision.reject(NAME, (double) maxWords / words, List.of("longer than " + maxWords + " words"));
        }
        return FilterDecision.accept(NAME, 1.0);
    }

    static int countWords(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }
}
