package org.pathosynth.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.examples.DemoData;
import picocli.CommandLine.Option;

/** {@code --real}: the real table a benchmark fits on, or the bundled TCGA-BRCA table when it is not given. */
final class RealTableOption {
    @Option(names = "--real", description = "The real table (CSV in the breast-cancer schema); default: the bundled TCGA-BRCA table.")
    Path real;

    /** The table as read, with the schema's columns it lacks. */
    CsvReadResult read(Schema schema) throws IOException {
        if (real != null) {
            return CsvTables.read(real, schema);
        }
        try (Reader reader = new InputStreamReader(RealTableOption.class.getResourceAsStream(DemoData.RESOURCE), StandardCharsets.UTF_8)) {
            return CsvTables.read(reader, "tcga-brca.csv", schema, CsvReadOptions.DEFAULT);
        }
    }
}
