package org.pathosynth.core.report;

import java.util.Objects;

/**
 * A pathology report text with its language (ISO 639-1, e.g. {@code fr}) and provenance.
 * {@link #toString()} leaves the text out: report texts stay out of logs.
 */
public record Report(String id, String text, String language, Provenance provenance) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        provenance = provenance == null ? Provenance.of("unknown") : provenance;
    }

    public static Report of(String id, String text, String language) {
        return new Report(id, text, language, Provenance.of("external"));
    }

    @Override
    public String toString() {
        return "Report[id=" + id + ", lang=" + language + ", " + text.length() + " chars, by " + provenance.producer() + "]";
    }
}
