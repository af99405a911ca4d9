package org.pathosynth.core.io;

import java.nio.charset.Charset;

/**
 * How to read a CSV table. The dialect fields are null when the reader is to detect them: the separator from the header
 * and first lines, the encoding from the bytes (UTF-8 with or without byte-order mark, UTF-16 with one, else
 * Windows-1252), the decimal comma from the separator (on for semicolon-separated files).
 *
 * @param strictColumns an unknown header column is an error instead of a reported, ignored column
 * @param lenientRows   a bad row is skipped and counted instead of failing the whole read
 * @param separator     ',', ';' or '\t'; null to detect
 * @param encoding      the file's encoding; null to detect
 * @param decimalComma  whether numbers are written {@code 2,8}; null to decide from the separator
 * @param showValues    error messages quote the offending cell (a patient's value, perhaps); off by default
 */
public record CsvReadOptions(boolean strictColumns, boolean lenientRows, Character separator, Charset encoding,
                             Boolean decimalComma, boolean showValues) {
    public static final CsvReadOptions DEFAULT = new CsvReadOptions(false, false);

    public CsvReadOptions {
        if (separator != null) {
            CsvDialect.checkSeparator(separator);
        }
    }

    public CsvReadOptions(boolean strictColumns, boolean lenientRows) {
        this(strictColumns, lenientRows, null, null, null, false);
    }

    public static CsvReadOptions lenient() {
        return new CsvReadOptions(false, true);
    }

    public static CsvReadOptions strict() {
        return new CsvReadOptions(true, false);
    }

    public CsvReadOptions withSeparator(Character separator) {
        return new CsvReadOptions(strictColumns, lenientRows, separator, encoding, decimalComma, showValues);
    }

    public CsvReadOptions withEncoding(Charset encoding) {
        return new CsvReadOptions(strictColumns, lenientRows, separator, encoding, decimalComma, showValues);
    }

    public CsvReadOptions withDecimalComma(Boolean decimalComma) {
        return new CsvReadOptions(strictColumns, lenientRows, separator, encoding, decimalComma, showValues);
    }

    /** A bad row is skipped and counted ({@link CsvReadResult#skippedRows()}) instead of failing the whole read. */
    public CsvReadOptions withLenientRows(boolean lenientRows) {
        return new CsvReadOptions(strictColumns, lenientRows, separator, encoding, decimalComma, showValues);
    }

    public CsvReadOptions withShowValues(boolean showValues) {
        return new CsvReadOptions(strictColumns, lenientRows, separator, encoding, decimalComma, showValues);
    }
}
