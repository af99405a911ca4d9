package org.pathosynth.extraction.filter;

import java.text.Normalizer;
import java.util.Locale;

/** Text compared without case or accents, as the filters that count words need it. */
final class FoldedText {
    private FoldedText() {
    }

    static String of(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
