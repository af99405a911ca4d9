package org.pathosynth.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.InvalidValueException;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;

/**
 * Reads and writes {@link Table}s as CSV mapped by header name. A file is read completely or refused: its dialect
 * (separator, encoding, decimal comma) is detected or given, a header cell that nearly names a schema attribute is an
 * error with the suggestion, a header with no schema attribute is refused, and every cell is parsed into the schema's
 * type; a bad cell raises a {@link DataFormatException} naming file, line, column and expectation (the value only when
 * asked), or with lenient rows the row is skipped and counted. Files are written atomically.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** A CSV header and the dialect it was read in. */
    public record Header(List<String> names, CsvDialect dialect) {
        public Header {
            names = List.copyOf(names);
        }
    }

    public static CsvReadResult read(Path file, Schema schema) {
        return read(file, schema, CsvReadOptions.DEFAULT);
    }

    public static CsvReadResult read(Path file, Schema schema, CsvReadOptions options) {
        try (CsvInput input = CsvInput.open(file, options)) {
            return read(input, schema, options);
        }
    }

    /** Reads CSV text from a reader; {@code source} names it in messages. */
    public static CsvReadResult read(Reader reader, String source, Schema schema, CsvReadOptions options) {
        return read(CsvInput.of(reader, source, options), schema, options);
    }

    /** Only the header of {@code file}, in its dialect: to decide how to read a table before reading it. */
    public static Header header(Path file, CsvReadOptions options) {
        try (CsvInput input = CsvInput.open(file, options)) {
            return new Header(input.header(), input.dialect());
        }
    }

    private static CsvReadResult read(CsvInput input, Schema schema, CsvReadOptions options) {
        String source = input.source();
        List<String> header = input.header();
        HeaderMatch match = HeaderMatch.of(header, schema);
        refuseNearMisses(input, match);
        if (match.matchesNothing()) {
            // Hook: a caller that can infer a schema checks HeaderMatch.of(header(file, options).names(), schema) first.
            // Refused before anything quotes a header cell: without a header line, those are a patient's values.
            throw noSchemaColumn(input, schema);
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new DataFormatException(source, input.headerLine(), name, null, "unique column names (duplicate header)");
            }
        }
        if (options.strictColumns() && !match.unknownColumns().isEmpty()) {
            throw new DataFormatException(source, input.headerLine(), match.unknownColumns().get(0), null,
                    "only columns of schema '" + schema.name() + "' " + schema.names() + " (strict mode)");
        }

        Table.Builder table = Table.builder(schema, 256);
        List<DataFormatException> skipped = new ArrayList<>();
        int[] rounded = new int[schema.size()];
        List<String> fields;
        while ((fields = input.next()) != null) {
            try {
                table.add(parseRow(fields, input, match, schema, rounded));
            } catch (DataFormatException e) {
                if (!options.lenientRows()) {
                    throw e;
                }
                skipped.add(e);
            }
        }
        Table t = table.build();
        List<String> empty = emptyColumns(t, match, header);
        if (t.rowCount() > 0 && !empty.isEmpty() && empty.size() == header.size() - match.unknownColumns().size()) {
            throw DataFormatException.problem(source, 0, null, "no row of " + t.rowCount() + " has a value in any column of schema '"
                    + schema.name() + "' (" + String.join(", ", empty) + " are blank throughout): there is nothing to read");
        }
        Map<String, Integer> roundedValues = new LinkedHashMap<>();
        for (int a = 0; a < rounded.length; a++) {
            if (rounded[a] > 0) {
                roundedValues.put(schema.attribute(a).name(), rounded[a]);
            }
        }
        return new CsvReadResult(t, match.unknownColumns(), match.missingColumns(), empty, roundedValues, skipped, input.dialect());
    }

    /** Header cells that nearly name an attribute the header lacks: an error listing every one with its suggestion. */
    private static void refuseNearMisses(CsvInput input, HeaderMatch match) {
        if (match.nearMisses().isEmpty()) {
            return;
        }
        StringBuilder problem = new StringBuilder(match.nearMissesInWords());
        problem.append(" Column names must match schema '").append(match.schema().name())
                .append("' exactly: rename ").append(match.nearMisses().size() == 1 ? "this header cell" : "these header cells")
                .append(" to read ").append(match.nearMisses().size() == 1 ? "it" : "them").append(".");
        throw DataFormatException.problem(input.source(), input.headerLine(), match.nearMisses().get(0).column(), problem.toString());
    }

    private static DataFormatException noSchemaColumn(CsvInput input, Schema schema) {
        List<String> header = input.header();
        StringBuilder problem = new StringBuilder("no column of the header (" + header.size() + (header.size() == 1 ? " column" : " columns")
                + ", " + CsvDialect.separatorName(input.dialect().separator()) + "-separated) is a column of schema '" + schema.name()
                + "'; expected some of " + String.join(", ", schema.names()));
        String hint = SeparatorGuess.hint(header, null, input.dialect().separator());
        problem.append(hint != null ? "; " + hint : " (the first line must name the columns)");
        return DataFormatException.problem(input.source(), input.headerLine(), null, problem.toString());
    }

    /** Schema columns of the header that have no value in any row of a table with rows. */
    private static List<String> emptyColumns(Table table, HeaderMatch match, List<String> header) {
        List<String> empty = new ArrayList<>();
        if (table.rowCount() == 0) {
            return empty;
        }
        for (int i = 0; i < header.size(); i++) {
            int a = match.attributeOf(i);
            if (a >= 0 && table.column(a).missingCount() == table.rowCount()) {
                empty.add(header.get(i));
            }
        }
        return empty;
    }

    /** One row; counts in rounded[a] the cells of attribute a that had more decimals than the schema keeps. */
    private static ClinicalRecord parseRow(List<String> fields, CsvInput input, HeaderMatch match, Schema schema, int[] rounded) {
        if (fields.size() != match.header().size()) {
            throw input.wrongWidth(fields);
        }
        boolean show = input.showValues();
        ClinicalRecord.Builder record = ClinicalRecord.builder(schema);
        for (int i = 0; i < fields.size(); i++) {
            int a = match.attributeOf(i);
            if (a < 0) {
                continue;
            }
            Attribute attribute = schema.attribute(a);
            String cell = fields.get(i);
            boolean numeric = !attribute.isDate() && (attribute.kind() == AttributeKind.NUMERIC || attribute.kind() == AttributeKind.INTEGER);
            try {
                String text = numeric && input.dialect().decimalComma() ? DecimalComma.normalize(cell) : cell;
                Object value = attribute.parse(text);
                if (numeric && value instanceof Double d && attribute.precision() != null && d != Double.parseDouble(text.strip())) {
                    rounded[a]++;
                }
                record.set(attribute.name(), value);
            } catch (InvalidValueException e) {
                String expected = e.expected();
                if (numeric && !input.dialect().decimalComma() && DecimalComma.looksLike(cell)) {
                    expected += "; the file seems to write decimals with a comma: read it with --decimal-comma";
                }
                throw new DataFormatException(input.source(), input.line(), attribute.name(), e.value(), expected, show);
            }
        }
        ClinicalRecord r = record.build();
        for (LessOrEqualConstraint c : r.violations()) {
            throw new DataFormatException(input.source(), input.line(), c.lesser(), r.format(c.lesser()),
                    c.describe() + (show ? " (" + c.greater() + " is " + r.format(c.greater()) + ")" : ""), show);
        }
        return r;
    }

    /** Writes the table atomically: a crash or a full disk leaves the old file (or none), never a truncated one. */
    public static void write(Table table, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(table, writer);
            }
        });
    }

    /** Writes the header (schema order) and one line per row, canonical value forms, LF endings. */
    public static void write(Table table, Writer writer) throws IOException {
        Schema schema = table.schema();
        writeLine(writer, schema.names());
        List<String> cells = new ArrayList<>(schema.size());
        for (int r = 0; r < table.rowCount(); r++) {
            cells.clear();
            for (int c = 0; c < schema.size(); c++) {
                cells.add(schema.attribute(c).format(table.value(r, c)));
            }
            writeLine(writer, cells);
        }
        writer.flush();
    }

    private static void writeLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(cells.get(i)));
        }
        writer.write('\n');
    }

    /** Quotes a cell holding a separator PathoSynth could detect, a quote or a line break, so the file reads back alike. */
    static String quote(String cell) {
        boolean plain = true;
        for (int i = 0; i < cell.length() && plain; i++) {
            char c = cell.charAt(i);
            plain = c != ',' && c != ';' && c != '\t' && c != '"' && c != '\n' && c != '\r';
        }
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
