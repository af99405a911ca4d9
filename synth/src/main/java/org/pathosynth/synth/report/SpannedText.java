package org.pathosynth.synth.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pathosynth.core.extraction.Evidence;

/** A report text with the character span [start, end) where each attribute is stated. */
record SpannedText(String text, Map<String, int[]> spans) {
    SpannedText {
        spans = new LinkedHashMap<>(spans);
    }

    Map<String, Evidence> evidence() {
        Map<String, Evidence> out = new LinkedHashMap<>();
        spans.forEach((name, s) -> out.put(name, new Evidence(s[0], s[1], 1.0)));
        return out;
    }
}
