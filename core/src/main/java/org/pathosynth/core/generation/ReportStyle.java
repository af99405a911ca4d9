package org.pathosynth.core.generation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a report is laid out, for every generator (the offline writer and LLM teachers alike). */
public enum ReportStyle {
    /** Narrative sentences ending in a conclusion, as dictated reports read. */
    PROSE,
    /** A "compte rendu fixe" of "Label : value" lines. */
    STRUCTURED,
    /** A printed synoptic checklist: labels, dot leaders up to a value column, values. */
    SYNOPTIC,
    /** Macroscopy, microscopy, immunohistochemistry and conclusion sections. */
    SECTIONED;

    /** The name users write: lower case. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the styles for an unknown name
     */
    public static ReportStyle parse(String name) {
        for (ReportStyle s : values()) {
            if (s.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("style must be " + Arrays.stream(values()).map(ReportStyle::cliName)
                .collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }
}
