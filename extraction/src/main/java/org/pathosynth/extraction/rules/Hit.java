package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A value found in a report: the value, its evidence span [start, end) in the cleaned text and a confidence. */
record Hit(Object value, int start, int end, double confidence) {
    int length() {
        return end - start;
    }

    /** Drops hits contained in a longer hit (e.g. "biopsie" inside "biopsie chirurgicale"); longest first. */
    static List<Hit> longestNonOverlapping(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : sorted) {
            boolean inside = kept.stream().anyMatch(k -> h.start() >= k.start() && h.end() <= k.end());
            if (!inside) {
                kept.add(h);
            }
        }
        return kept;
    }
}
