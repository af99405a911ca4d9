package org.pathosynth.core.schema;

import java.util.List;
import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;

/**
 * {@code attribute} has a value only when {@code requires} has one (nodes affected only when nodes were taken). JSON:
 * {@code {"type": "present_only_with", "attribute": …, "requires": …}}.
 */
public record PresentOnlyWith(String attribute, String requires) implements CoherenceRule {
    public PresentOnlyWith {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(requires, "requires");
    }

    @Override
    public boolean holds(ClinicalRecord record) {
        return record.get(attribute) == null || record.get(requires) != null;
    }

    @Override
    public void enforce(double[] row, Schema schema) {
        if (Double.isNaN(row[schema.indexOf(requires)])) {
            row[schema.indexOf(attribute)] = Double.NaN;
        }
    }

    @Override
    public List<String> attributes() {
        return List.of(attribute, requires);
    }

    @Override
    public String describe() {
        return attribute + " only with " + requires;
    }
}
