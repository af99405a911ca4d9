package org.pathosynth.core.io;

import java.util.HashMap;
import java.util.Map;

/** The ids read so far from one file, with their lines: a second line with an id is refused, naming both lines. */
final class UniqueIds {
    private final String source;
    private final boolean showValues;
    private final Map<String, Long> lineOf = new HashMap<>();

    UniqueIds(String source, boolean showValues) {
        this.source = source;
        this.showValues = showValues;
    }

    /** @throws DataFormatException when {@code id} was on an earlier line (the id, which may identify a patient, hidden) */
    void add(String id, long line) {
        Long first = lineOf.putIfAbsent(id, line);
        if (first != null) {
            throw DataFormatException.problem(source, line, "id", "duplicate id" + (showValues ? " '" + id + "'" : "")
                    + ": line " + first + " has the same one (ids must be unique within a file)");
        }
    }
}
