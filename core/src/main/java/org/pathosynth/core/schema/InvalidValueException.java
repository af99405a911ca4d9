package org.pathosynth.core.schema;

/**
 * A value that does not fit its attribute. {@link #expected()} says what would have fitted, so
 * that callers (CSV and JSON readers) can build a message naming file, line and column.
 *
 * <p>The value may be a patient's: the message hides it ({@link #HIDDEN}); {@link #message(boolean)} shows it when the
 * user asks.
 */
public final class InvalidValueException extends IllegalArgumentException {
    /** What a message says in place of a hidden value. */
    public static final String HIDDEN = "(hidden; --show-values shows it)";

    private final String attribute;
    private final String value;
    private final String expected;

    public InvalidValueException(String attribute, String value, String expected) {
        super(message(attribute, value, expected, false));
        this.attribute = attribute;
        this.value = value;
        this.expected = expected;
    }

    private static String message(String attribute, String value, String expected, boolean showValue) {
        return "attribute '" + attribute + "': invalid value " + (showValue ? "'" + value + "'" : HIDDEN) + "; expected " + expected;
    }

    /** The message, quoting the value only when {@code showValue}. */
    public String message(boolean showValue) {
        return message(attribute, value, expected, showValue);
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
