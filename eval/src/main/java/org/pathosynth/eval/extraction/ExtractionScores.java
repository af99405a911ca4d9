package org.pathosynth.eval.extraction;

import java.util.Map;

/** Per-attribute extraction scores with their totals over attributes. */
public record ExtractionScores(Map<String, AttributeScore> perAttribute) {
    public ExtractionScores {
        perAttribute = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perAttribute));
    }

    /** Mean of the per-attribute accuracies (every attribute weighs the same). */
    public double meanAccuracy() {
        return perAttribute.values().stream().mapToDouble(AttributeScore::accuracy).average().orElse(0.0);
    }

    /** Presence counts pooled over all attributes (micro over attributes). */
    public PresenceScore pooledPresence() {
        return perAttribute.values().stream().map(AttributeScore::presence)
                .reduce(new PresenceScore(0, 0, 0), PresenceScore::plus);
    }

    /** Mean of the per-attribute presence F1 (macro over attributes). */
    public double macroPresenceF1() {
        return perAttribute.values().stream().mapToDouble(s -> s.presence().f1()).average().orElse(0.0);
    }
}
