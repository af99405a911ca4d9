package org.pathosynth.core.io;

import org.pathosynth.core.schema.InvalidValueException;

/**
 * Bad input data: the message names the source, line, column and what was expected. Fields are null where they do not
 * apply (e.g. no column for a wrong field count); a line of 0 means the whole file.
 *
 * <p>The offending value, and a parser's own words (which quote the input), may be a patient's: the message hides them
 * unless the exception was made with {@code showValues}; {@link #message(boolean)} renders either form, so that a
 * command-line tool can show them when its user asks ({@code --show-values}).
 */
public final class DataFormatException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;
    private final String value;
    private final String expected;
    private final String parserMessage;
    private final String position;
    private final boolean problem;

    /** A bad value, hidden in the message. */
    public DataFormatException(String source, long line, String column, String value, String expected) {
        this(source, line, column, value, expected, false);
    }

    /** A bad value, quoted in the message when {@code showValues}. */
    public DataFormatException(String source, long line, String column, String value, String expected, boolean showValues) {
        this(source, line, column, value, expected, null, null, false, showValues);
    }

    private DataFormatException(String source, long line, String column, String value, String expected, String parserMessage,
                                String position, boolean problem, boolean showValues) {
        super(render(source, line, column, value, expected, parserMessage, position, problem, showValues));
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
        this.expected = expected;
        this.parserMessage = parserMessage;
        this.position = position;
        this.problem = problem;
    }

    /**
     * Text that a parser could not read at all: {@code parserMessage} (the parser's own words, which may quote the input)
     * is shown only with {@code showValues}; otherwise {@code position} (e.g. "at character 12") says where.
     */
    public static DataFormatException syntax(String source, long line, String expected, String parserMessage, String position,
                                             boolean showValues) {
        return new DataFormatException(source, line, null, null, expected, parserMessage, position, false, showValues);
    }

    /** A problem that is not one bad value (a header that nearly matches, a column without values): stated as is. */
    public static DataFormatException problem(String source, long line, String column, String problem) {
        return new DataFormatException(source, line, column, null, problem, null, null, true, false);
    }

    /** The message, quoting the value and the parser's words only when {@code showValues}. */
    public String message(boolean showValues) {
        return render(source, line, column, value, expected, parserMessage, position, problem, showValues);
    }

    private static String render(String source, long line, String column, String value, String expected, String parserMessage,
                                 String position, boolean problem, boolean showValues) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        if (problem) {
            return sb.append(expected).toString();
        }
        if (value != null) {
            sb.append("invalid value ").append(showValues ? "'" + value + "'" : InvalidValueException.HIDDEN).append("; ");
        }
        sb.append("expected ").append(expected);
        if (parserMessage != null) {
            sb.append(showValues ? " (" + parserMessage + ")"
                    : " (not readable " + position + "; the parser's message may quote the input: --show-values shows it)");
        }
        return sb.toString();
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

    /** The offending text as read (null when none); never part of the message unless asked. */
    public String value() {
        return value;
    }

    /** What was expected, or for a {@link #problem} the problem. */
    public String expected() {
        return expected;
    }
}
