package org.pathosynth.core.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a CSV file is written: its separator (comma, semicolon or tab), its encoding (null when the text was given as
 * characters) and whether numbers use a decimal comma ({@code 2,8}), as French and German spreadsheet exports do.
 */
public record CsvDialect(char separator, Charset encoding, boolean decimalComma) {
    /** The separators PathoSynth reads, in the order detection prefers them. */
    public static final List<Character> SEPARATORS = List.of(',', ';', '\t');

    /** What PathoSynth writes: comma-separated UTF-8 with decimal points. */
    public static final CsvDialect STANDARD = new CsvDialect(',', StandardCharsets.UTF_8, false);

    public CsvDialect {
        checkSeparator(separator);
    }

    /** Whether this is the standard dialect (comma, decimal point, UTF-8 or characters). */
    public boolean isStandard() {
        return separator == ',' && !decimalComma && (encoding == null || encoding.equals(StandardCharsets.UTF_8));
    }

    /** E.g. "semicolon-separated, decimal comma, windows-1252". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(separatorName(separator) + "-separated");
        parts.add(decimalComma ? "decimal comma" : "decimal point");
        if (encoding != null) {
            parts.add(encoding.name());
        }
        return String.join(", ", parts);
    }

    /** "comma", "semicolon" or "tab". */
    public static String separatorName(char separator) {
        return switch (separator) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + separator + "'";
        };
    }

    /** How to give the separator on the command line: {@code ','}, {@code ';'} or {@code tab}. */
    public static String separatorArgument(char separator) {
        return separator == '\t' ? "tab" : "'" + separator + "'";
    }

    /**
     * Reads a separator as users write it: {@code ,} {@code ;} a tab character, or the names {@code comma},
     * {@code semicolon}, {@code tab} (also {@code \t}).
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static char parseSeparator(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.equals("\t")) {
            return '\t';
        }
        return switch (t) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "tab", "\\t" -> '\t';
            default -> throw new IllegalArgumentException("separator must be comma, semicolon or tab (or ',', ';'), got '" + text + "'");
        };
    }

    /**
     * Reads an encoding name ({@code UTF-8}, {@code windows-1252}, {@code ISO-8859-1}, {@code latin1}, ...).
     *
     * @throws IllegalArgumentException naming examples of what is accepted
     */
    public static Charset parseEncoding(String name) {
        String n = name == null ? "" : name.strip();
        if (n.equalsIgnoreCase("latin1") || n.equalsIgnoreCase("latin-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16)", e);
        }
    }

    static void checkSeparator(char separator) {
        if (!SEPARATORS.contains(separator)) {
            throw new IllegalArgumentException("separator must be comma, semicolon or tab, got '" + separator + "'");
        }
    }
}
