package org.pathosynth.core.schema;

/**
 * A value that does not fit its attribute. {@link #expected()} says what would have fitted, so
 * that callers (CSV and JSON readers) can build a message naming file, line and column.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String attribute;
    private final String value;
    private final String expected;

    public InvalidValueException(String attribute, String value, String expected) {
        super("attribute '" + attribute + "': value '" + value + "' is not valid; expected " + expected);
        this.attribute = attribute;
        this.value = value;
        this.expected = expected;
    }

    public String attribute() {
        return attribute;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
