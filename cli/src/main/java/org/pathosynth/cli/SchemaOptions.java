package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import org.pathosynth.core.schema.Schema;
import picocli.CommandLine.Option;

/** {@code --schema}, shared by every command that reads records: a preset name or a schema JSON file. */
final class SchemaOptions {
    @Option(names = "--schema", defaultValue = "breast-cancer", description = "Schema preset or JSON file (default: ${DEFAULT-VALUE}).")
    String schema;

    Schema resolve() {
        return SchemaOption.resolve(schema);
    }
}
