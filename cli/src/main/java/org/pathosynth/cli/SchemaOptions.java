package org.pathosynth.cli;

import java.nio.file.Path;
import java.util.Map;
import org.pathosynth.cli.run.SchemaOption;
import org.pathosynth.core.schema.Schema;
import picocli.CommandLine.Option;

/**
 * {@code --schema} and {@code --bounds}, shared by every command that reads records: a preset name or a schema JSON file;
 * {@code infer}; or either with {@code +infer}, the table's other columns typed from the data (the default).
 */
final class SchemaOptions {
    @Option(names = "--schema", defaultValue = SchemaOption.DEFAULT,
            description = "Schema preset or JSON file; 'infer' to type every column from the table; '+infer' after either keeps the "
                    + "table's other columns too, typed from the data (default: ${DEFAULT-VALUE}). Dates are kept in their own "
                    + "form; identifier and free-text columns are left out with a notice.")
    String schema;

    @Option(names = "--bounds", paramLabel = "COLUMN=LOW:HIGH",
            description = "Public bounds of a numeric column, instead of the data's minimum and maximum (which a differentially "
                    + "private synthesizer refuses); repeatable.")
    Map<String, String> bounds;

    /** The schema without a table (for commands that read none): {@code +infer} is ignored. */
    Schema resolve() {
        return SchemaOption.withBounds(SchemaOption.resolve(schema), bounds);
    }

    /**
     * The schema for reading {@code table} (and the {@code others}, whose cells also count when typing columns: a holdout
     * value outside the training range still reads), with the inference notices printed on standard error.
     */
    Schema resolve(Path table, CsvOptions csv, Path... others) {
        java.util.List<Path> tables = new java.util.ArrayList<>(java.util.List.of(table));
        java.util.Arrays.stream(others).filter(java.util.Objects::nonNull).forEach(tables::add);
        SchemaOption.Resolved resolved = SchemaOption.resolve(schema, tables, csv.options(), bounds);
        resolved.notices().forEach(line -> System.err.println(table + ": " + line));
        return resolved.schema();
    }
}
