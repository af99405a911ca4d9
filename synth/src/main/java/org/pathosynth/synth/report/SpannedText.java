package org.pathosynth.synth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.extraction.Evidence;

/**
 * A report text with, per attribute, the character spans [start, end) of every statement of its value (the first the
 * main one; a conclusion may restate it).
 */
record SpannedText(String text, Map<String, List<int[]>> spans) {
    SpannedText {
        Map<String, List<int[]>> copy = new LinkedHashMap<>();
        spans.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        spans = copy;
    }

    Map<String, List<Evidence>> evidence() {
        Map<String, List<Evidence>> out = new LinkedHashMap<>();
        spans.forEach((name, list) -> {
            List<Evidence> e = new ArrayList<>();
            list.forEach(s -> e.add(new Evidence(s[0], s[1], 1.0)));
            out.put(name, e);
        });
        return out;
    }
}
