package org.pathosynth.extraction.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the readers found in one report, by attribute name, in reading order. */
final class Findings {
    private final Map<String, Hit> hits = new LinkedHashMap<>();

    /** Keeps {@code hit} under {@code attribute}; a null hit (nothing read) keeps nothing. */
    void put(String attribute, Hit hit) {
        if (hit != null) {
            hits.put(attribute, hit);
        }
    }

    Map<String, Hit> asMap() {
        return hits;
    }
}
