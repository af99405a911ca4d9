package org.pathosynth.core.schema;

import java.util.Objects;

/**
 * A cross-attribute rule {@code lesser <= greater} that holds whenever both values are present,
 * e.g. nodes affected never exceed nodes taken.
 */
public record LessOrEqualConstraint(String lesser, String greater) {
    public LessOrEqualConstraint {
        Objects.requireNonNull(lesser, "lesser");
        Objects.requireNonNull(greater, "greater");
    }

    /** True when either value is missing or the rule holds. */
    public boolean holds(Object lesserValue, Object greaterValue) {
        if (lesserValue == null || greaterValue == null) {
            return true;
        }
        return ((Number) lesserValue).doubleValue() <= ((Number) greaterValue).doubleValue();
    }

    public String describe() {
        return lesser + " <= " + greater;
    }
}
