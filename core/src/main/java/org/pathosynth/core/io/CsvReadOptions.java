package org.pathosynth.core.io;

/**
 * How to read a CSV table.
 *
 * @param strictColumns an unknown header column is an error instead of a reported, ignored column
 * @param lenientRows a bad row is skipped and counted instead of failing the whole read
 */
public record CsvReadOptions(boolean strictColumns, boolean lenientRows) {
    public static final CsvReadOptions DEFAULT = new CsvReadOptions(false, false);

    public static CsvReadOptions lenient() {
        return new CsvReadOptions(false, true);
    }

    public static CsvReadOptions strict() {
        return new CsvReadOptions(true, false);
    }
}
