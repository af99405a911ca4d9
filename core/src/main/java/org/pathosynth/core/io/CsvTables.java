package org.pathosynth.core.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.InvalidValueException;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;

/**
 * Reads and writes {@link Table}s as CSV mapped by header name. Every cell is parsed into the
 * schema's type; a bad cell raises a {@link DataFormatException} naming file, line, column, value
 * and expectation (or, with lenient rows, the row is skipped and counted).
 */
public final class CsvTables {
    private CsvTables() {
    }

    public static CsvReadResult read(Path file, Schema schema) {
        return read(file, schema, CsvReadOptions.DEFAULT);
    }

    public static CsvReadResult read(Path file, Schema schema, CsvReadOptions options) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), schema, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads CSV text from a reader; {@code source} names it in messages. */
    public static CsvReadResult read(Reader reader, String source, Schema schema, CsvReadOptions options) {
        CsvParser parser = new CsvParser(reader, source);
        List<String> header = parser.next();
        if (header == null) {
            throw new DataFormatException(source, 1, null, null, "a header line naming the columns (the file is empty)");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1)); // byte-order mark written by spreadsheet tools
        }
        int[] attributeOfColumn = new int[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (seen.put(name, i) != null) {
                throw new DataFormatException(source, parser.recordLine(), name, null, "unique column names (duplicate header)");
            }
            if (schema.has(name)) {
                attributeOfColumn[i] = schema.indexOf(name);
            } else {
                attributeOfColumn[i] = -1;
                unknown.add(name);
            }
        }
        if (options.strictColumns() && !unknown.isEmpty()) {
            throw new DataFormatException(source, parser.recordLine(), unknown.get(0), null,
                    "only columns of schema '" + schema.name() + "' " + schema.names() + " (strict mode)");
        }
        List<String> missing = schema.names().stream().filter(n -> !seen.containsKey(n)).toList();

        Table.Builder table = Table.builder(schema, 256);
        List<DataFormatException> skipped = new ArrayList<>();
        List<String> fields;
        while ((fields = parser.next()) != null) {
            try {
                table.add(parseRow(fields, header, attributeOfColumn, schema, source, parser.recordLine()));
            } catch (DataFormatException e) {
                if (!options.lenientRows()) {
                    throw e;
                }
                skipped.add(e);
            }
        }
        return new CsvReadResult(table.build(), unknown, missing, skipped);
    }

    private static ClinicalRecord parseRow(List<String> fields, List<String> header, int[] attributeOfColumn,
                                           Schema schema, String source, long line) {
        if (fields.size() != header.size()) {
            throw new DataFormatException(source, line, null, null,
                    header.size() + " fields as in the header, found " + fields.size());
        }
        ClinicalRecord.Builder record = ClinicalRecord.builder(schema);
        for (int i = 0; i < fields.size(); i++) {
            int a = attributeOfColumn[i];
            if (a < 0) {
                continue;
            }
            Attribute attribute = schema.attribute(a);
            try {
                record.set(attribute.name(), attribute.parse(fields.get(i)));
            } catch (InvalidValueException e) {
                throw new DataFormatException(source, line, attribute.name(), e.value(), e.expected());
            }
        }
        ClinicalRecord r = record.build();
        for (LessOrEqualConstraint c : r.violations()) {
            throw new DataFormatException(source, line, c.lesser(), r.format(c.lesser()),
                    c.describe() + " (" + c.greater() + " is " + r.format(c.greater()) + ")");
        }
        return r;
    }

    public static void write(Table table, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(table, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
