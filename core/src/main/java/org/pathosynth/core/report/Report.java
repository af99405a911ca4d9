package org.pathosynth.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pathosynth.core.extraction.Evidence;

/**
 * A pathology report text with its language (ISO 639-1, e.g. {@code fr}) and provenance.
 * {@link #toString()} leaves the text out: report texts stay out of logs.
 *
 * @param spans where the generator stated each attribute's value (attribute name to the character spans of every
 *              statement of it, the first being the main one: a conclusion may restate a value), for generators that
 *              know it (the offline writer); empty otherwise. Exact labels for training a student extractor.
 */
public record Report(String id, String text, String language, Provenance provenance, Map<String, List<Evidence>> spans) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        provenance = provenance == null ? Provenance.of("unknown") : provenance;
        Map<String, List<Evidence>> copy = new LinkedHashMap<>();
        if (spans != null) {
            spans.forEach((name, list) -> {
                if (!list.isEmpty()) {
                    copy.put(name, List.copyOf(list));
                }
            });
        }
        spans = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
        for (Map.Entry<String, List<Evidence>> s : spans.entrySet()) {
            for (Evidence e : s.getValue()) {
                if (e.end() > text.length()) {
                    throw new IllegalArgumentException("report " + id + ": a span of " + s.getKey() + " ends at " + e.end()
                            + ", past the text's " + text.length() + " characters");
                }
            }
        }
    }

    /** A report without spans. */
    public Report(String id, String text, String language, Provenance provenance) {
        this(id, text, language, provenance, Map.of());
    }

    public static Report of(String id, String text, String language) {
        return new Report(id, text, language, Provenance.of("external"));
    }

    /** The main statement of an attribute's value, or null when the generator did not record one. */
    public Evidence span(String attribute) {
        List<Evidence> list = spans.get(attribute);
        return list == null ? null : list.get(0);
    }

    /** A copy with other text and no spans (its spans would no longer point at the right places). */
    public Report withText(String newText) {
        return new Report(id, newText, language, provenance);
    }

    @Override
    public String toString() {
        return "Report[id=" + id + ", lang=" + language + ", " + text.length() + " chars, by " + provenance.producer()
                + (spans.isEmpty() ? "" : ", " + spans.size() + " spans") + "]";
    }
}
