package org.pathosynth.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pathosynth.core.schema.Schema;

/** Resolves {@code --schema}: a preset name (e.g. {@code breast-cancer}) or a schema JSON file. */
public final class SchemaOption {
    private SchemaOption() {
    }

    public static Schema resolve(String value) {
        Path file = Path.of(value);
        if (Files.isRegularFile(file)) {
            return Schema.fromJson(file);
        }
        return Schema.named(value);
    }
}
