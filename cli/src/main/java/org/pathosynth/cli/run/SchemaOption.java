package org.pathosynth.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.schema.SchemaInference;

/**
 * Resolves {@code --schema} (and {@code run}'s {@code schema:}): a preset name (e.g. {@code breast-cancer}) or a schema
 * JSON file, used as written; {@code infer}, every column typed from the table; or either followed by {@code +infer}
 * (the default, {@code breast-cancer+infer}): the schema plus the table's other columns, typed from the data.
 */
public final class SchemaOption {
    /** What commands that read a table use when the user says nothing: the preset, plus whatever else the table has. */
    public static final String DEFAULT = "breast-cancer+infer";
    private static final String INFER = "infer";
    private static final String PLUS_INFER = "+infer";

    private SchemaOption() {
    }

    /** A schema and what inference said while making it (no line when nothing was inferred or left out). */
    public record Resolved(Schema schema, List<String> notices) {
        public Resolved {
            notices = List.copyOf(notices);
        }
    }

    /** The schema without a table to infer from: {@code +infer} is dropped; {@code infer} alone needs a table. */
    public static Schema resolve(String value) {
        if (INFER.equals(value)) {
            throw new IllegalArgumentException("schema 'infer' needs a table to infer from; name a preset or a schema file");
        }
        return named(value.endsWith(PLUS_INFER) ? value.substring(0, value.length() - PLUS_INFER.length()) : value);
    }

    /** Whether the value asks for inference from the table. */
    public static boolean infers(String value) {
        return INFER.equals(value) || value.endsWith(PLUS_INFER);
    }

    /**
     * The schema for reading {@code table}: inferred where the value asks for it, then with the public bounds given by
     * the user ({@code column -> "low:high"}).
     */
    public static Resolved resolve(String value, Path table, CsvReadOptions options, Map<String, String> bounds) {
        return resolve(value, List.of(table), options, bounds);
    }

    /**
     * As {@link #resolve(String, Path, CsvReadOptions, Map)}, inferring from the cells of every table (the first one's
     * columns, the others' by name), so that a holdout or synthetic value outside the first table's range or categories
     * still reads.
     */
    public static Resolved resolve(String value, List<Path> tables, CsvReadOptions options, Map<String, String> bounds) {
        Path table = tables.get(0);
        Schema schema;
        List<String> notices = new ArrayList<>();
        if (infers(value)) {
            Schema base = INFER.equals(value) ? null : resolve(value);
            RawCsv raw = RawCsv.read(table, options);
            if (base != null) {
                refuseNearMisses(table, raw.header(), base);
            }
            List<List<String>> rows = new ArrayList<>(raw.rows());
            for (Path other : tables.subList(1, tables.size())) {
                rows.addAll(byName(raw.header(), RawCsv.read(other, options)));
            }
            String file = table.getFileName() == null ? "table" : table.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            SchemaInference.Result inferred = SchemaInference.infer(raw.header(), rows, base, base == null ? file : base.name());
            schema = inferred.schema();
            notices.addAll(inferred.notices());
        } else {
            schema = resolve(value);
        }
        return new Resolved(withBounds(schema, bounds), notices);
    }

    /**
     * A header cell that nearly names an attribute of the base schema ({@code ER_Status}) is a misspelt column, not a new
     * one: refused as when reading with the schema alone, before inference could type it as a column of its own.
     */
    private static void refuseNearMisses(Path table, List<String> header, Schema base) {
        org.pathosynth.core.io.HeaderMatch match = org.pathosynth.core.io.HeaderMatch.of(header, base);
        if (!match.nearMisses().isEmpty()) {
            throw org.pathosynth.core.io.DataFormatException.problem(table.toString(), 1, match.nearMisses().get(0).column(),
                    match.nearMissesInWords() + " Column names must match schema '" + base.name() + "' exactly: rename the header cell, or pass "
                            + "--schema infer to type every column from the data.");
        }
    }

    /** The rows of {@code other} in the columns of {@code header}, by name (blank where it lacks a column). */
    private static List<List<String>> byName(List<String> header, RawCsv other) {
        int[] at = header.stream().mapToInt(other.header()::indexOf).toArray();
        List<List<String>> out = new ArrayList<>(other.rows().size());
        for (List<String> row : other.rows()) {
            List<String> cells = new ArrayList<>(at.length);
            for (int i : at) {
                cells.add(i < 0 ? "" : row.get(i));
            }
            out.add(cells);
        }
        return out;
    }

    /** The schema with public bounds for some numeric columns, given as {@code low:high}. */
    public static Schema withBounds(Schema schema, Map<String, String> bounds) {
        if (bounds == null) {
            return schema;
        }
        Schema out = schema;
        for (Map.Entry<String, String> e : bounds.entrySet()) {
            if (!out.has(e.getKey())) {
                throw new IllegalArgumentException("--bounds: the schema has no column '" + e.getKey() + "' (columns: "
                        + String.join(", ", out.names()) + ")");
            }
            Attribute attribute = out.attribute(e.getKey());
            // a date-time has colons of its own: its bounds are written low..high (accepted for every column)
            String[] parts = e.getValue().contains("..") ? e.getValue().split("\\.\\.", -1) : e.getValue().split(":", -1);
            String example = !attribute.isDate() ? "0:100" : attribute.calendar().hasTime()
                    ? attribute.calendar().toText(946_684_800) + ".." + attribute.calendar().toText(1_609_459_199)
                    : attribute.calendar().toText(10_957) + ":" + attribute.calendar().toText(18_627);
            double low;
            double high;
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected low" + (example.contains("..") ? ".." : ":") + "high");
                }
                low = attribute.parseBound(parts[0].strip());
                high = attribute.parseBound(parts[1].strip());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--bounds " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage() + ", e.g. "
                        + e.getKey() + "=" + example);
            }
            try {
                out = out.with(out.attribute(e.getKey()).withPublicBounds(low, high));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--bounds: " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static Schema named(String value) {
        Path file = Path.of(value);
        if (Files.isRegularFile(file)) {
            return Schema.fromJson(file);
        }
        return Schema.named(value);
    }
}
