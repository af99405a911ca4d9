package org.pathosynth.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a report (or any result) came from: the producing component and its settings (model,
 * prompt version, style, seed, ...), as ordered text entries so it survives JSON round trips.
 */
public record Provenance(String producer, Map<String, String> details) {
    public Provenance {
        Objects.requireNonNull(producer, "producer");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Provenance of(String producer) {
        return new Provenance(producer, Map.of());
    }

    /** A copy with one more entry. */
    public Provenance with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(details);
        copy.put(key, String.valueOf(value));
        return new Provenance(producer, copy);
    }

    public String get(String key) {
        return details.get(key);
    }
}
