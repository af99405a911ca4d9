package org.pathosynth.extraction.rules;

/** A value found in a report: the value, its evidence span [start, end) and a confidence. */
record Hit(Object value, int start, int end, double confidence) {
    int length() {
        return end - start;
    }
}
