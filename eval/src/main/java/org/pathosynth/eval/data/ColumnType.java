package org.pathosynth.eval.data;

/** How the reference metrics treat a column (mostlyai-qa's harmonised dtypes). */
public enum ColumnType {
    /** Any number (booleans read from text stay categorical, as pandas reads "yes"/"no" as strings). */
    NUMERIC,
    /** A date or date-time, held as epoch nanoseconds. */
    DATETIME,
    /** Everything else, held as text labels. */
    CATEGORICAL
}
