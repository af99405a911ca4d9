package org.pathosynth.llm.generation;

import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.llm.privacy.TextOrigin;

/**
 * A few-shot example: a record and a report stating it. De-identified real reports must be declared
 * {@link TextOrigin#REAL}: the privacy gate keeps them away from remote models unless allowed.
 */
public record Exemplar(ClinicalRecord record, String text, TextOrigin origin) {
    public Exemplar {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "Exemplar[" + origin + ", " + text.length() + " chars]";
    }
}
