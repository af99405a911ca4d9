package org.pathosynth.cli;

import java.nio.file.Path;
import org.pathosynth.core.io.CsvDialect;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.core.schema.Schema;
import picocli.CommandLine.Option;

/**
 * {@code --csv-separator}, {@code --encoding}, {@code --decimal-comma}: how the input CSV files are written, for the
 * files detection cannot settle (detection reads comma, semicolon and tab separators, UTF-8, UTF-16 and Windows-1252,
 * and decimal commas in semicolon-separated files).
 */
final class CsvOptions {
    @Option(names = "--csv-separator", paramLabel = "SEP",
            description = "Separator of the input CSV files: comma, semicolon or tab (default: detected from the header and first lines).")
    String separator;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of the input CSV files, e.g. UTF-8, windows-1252, ISO-8859-1 (default: by the byte-order mark, "
                    + "else UTF-8 when the bytes are valid UTF-8, else windows-1252).")
    String encoding;

    @Option(names = "--decimal-comma", negatable = true,
            description = "Numbers in the input CSV files are written 2,8 (default: yes in semicolon-separated files, no otherwise).")
    Boolean decimalComma;

    CsvReadOptions options() {
        CsvReadOptions options = CsvReadOptions.DEFAULT.withDecimalComma(decimalComma);
        try {
            if (separator != null) {
                options = options.withSeparator(CsvDialect.parseSeparator(separator));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--csv-separator: " + e.getMessage(), e);
        }
        try {
            if (encoding != null) {
                options = options.withEncoding(CsvDialect.parseEncoding(encoding));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding: " + e.getMessage(), e);
        }
        return options;
    }

    /** Reads a table; says on standard error how it was read when not as PathoSynth writes, and which columns are blank. */
    CsvReadResult read(Path file, Schema schema) {
        return read(file, schema, false);
    }

    /** The same, skipping and counting the rows that break the schema when {@code skipInvalidRows} (the caller says so). */
    CsvReadResult read(Path file, Schema schema, boolean skipInvalidRows) {
        return read(file, schema, skipInvalidRows, false);
    }

    /** Reads a table a synthesizer will be fitted on: rows breaking a coherence rule are said to be counted, and what that costs. */
    CsvReadResult readToFit(Path file, Schema schema) {
        return read(file, schema, false, true);
    }

    private CsvReadResult read(Path file, Schema schema, boolean skipInvalidRows, boolean toFit) {
        CsvReadResult result = CsvTables.read(file, schema, options().withLenientRows(skipInvalidRows));
        if (!result.dialect().isStandard()) {
            System.err.println(file + ": read as " + result.dialect().describe());
        }
        long incoherent = result.table().records().stream().filter(r -> !r.incoherences().isEmpty()).count();
        if (incoherent > 0) {
            System.err.printf(java.util.Locale.ROOT, "%s: %,d of %,d rows break a coherence rule of the schema (%s): read as they are%s%n",
                    file, incoherent, result.table().rowCount(),
                    String.join("; ", schema.rules().stream().map(org.pathosynth.core.schema.CoherenceRule::describe).toList()),
                    toFit ? "; synthetic rows keep the rules, so they will differ from this table there (to let them break a rule "
                            + "too, remove it from a schema file written by 'schema --out' and pass that file with --schema)" : "");
        }
        if (!result.emptyColumns().isEmpty()) {
            System.err.println(file + ": " + String.join(", ", result.emptyColumns()) + (result.emptyColumns().size() == 1 ? " is" : " are")
                    + " blank in every row (read as missing)");
        }
        result.roundingNotices().forEach(line -> System.err.println(file + ": " + line));
        return result;
    }

    /** Reads a table as text cells, for schema inference. */
    RawCsv readRaw(Path file) {
        RawCsv raw = RawCsv.read(file, options());
        if (!raw.dialect().isStandard()) {
            System.err.println(file + ": read as " + raw.dialect().describe());
        }
        return raw;
    }
}
