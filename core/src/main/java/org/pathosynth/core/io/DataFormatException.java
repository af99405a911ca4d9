package org.pathosynth.core.io;

/**
 * Bad input data: the message names the source, line, column and value, and what was expected.
 * Fields are null where they do not apply (e.g. no column for a wrong field count).
 */
public final class DataFormatException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;
    private final String value;
    private final String expected;

    public DataFormatException(String source, long line, String column, String value, String expected) {
        super(message(source, line, column, value, expected));
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
        this.expected = expected;
    }

    private static String message(String source, long line, String column, String value, String expected) {
        StringBuilder sb = new StringBuilder(source).append(':').append(line).append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        if (value != null) {
            sb.append("invalid value '").append(value).append("'; ");
        }
        return sb.append("expected ").append(expected).toString();
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
