package org.pathosynth.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.schema.Schema;

/**
 * The public TCGA-BRCA table bundled with the examples (1,099 patients in the breast-cancer schema; see the README's
 * data and citation section), so examples and notebooks run without any private data.
 */
public final class DemoData {
    /** The table as a class-path resource. */
    public static final String RESOURCE = "/org/pathosynth/examples/demo/tcga-brca.csv";

    private DemoData() {
    }

    public static Table tcgaBrca() {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTables.read(reader, "tcga-brca.csv", Schema.breastCancer(), CsvReadOptions.DEFAULT).table();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the table as {@code tcga-brca.csv} in {@code dir}, for the command line. */
    public static Path tcgaBrcaCsv(Path dir) {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            Files.createDirectories(dir);
            Path file = dir.resolve("tcga-brca.csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
