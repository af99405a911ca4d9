package org.pathosynth.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pathosynth.cli.run.SchemaOption;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth schema}: the schema of a table, inferred, written for the user to edit and reuse with {@code --schema}. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Infer the schema of a CSV table (the preset's columns as the preset says, the others typed from the data) "
                + "and write it as JSON to edit (labels, public bounds, values) and pass back with --schema.")
final class SchemaCommand implements Callable<Integer> {
    @Option(names = "--real", required = true, description = "The table (CSV).")
    Path real;

    @Option(names = "--out", required = true, description = "Schema JSON to write.")
    Path out;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    CsvOptions csv;

    @Override
    public Integer call() {
        OutputFiles files = new OutputFiles().input("--real", real);
        if (java.nio.file.Files.isRegularFile(Path.of(schemaOptions.schema.replaceFirst("\\+infer$", "")))) {
            files.input("--schema", Path.of(schemaOptions.schema.replaceFirst("\\+infer$", ""))); // never overwritten by --out
        }
        files.output("--out", out).check();
        String spec = SchemaOption.infers(schemaOptions.schema) ? schemaOptions.schema : schemaOptions.schema + "+infer";
        SchemaOption.Resolved resolved = SchemaOption.resolve(spec, real, csv.options(), schemaOptions.bounds);
        Schema schema = resolved.schema();
        AtomicFiles.write(out, tmp -> Files.writeString(tmp, schema.toJson() + "\n", StandardCharsets.UTF_8));
        resolved.notices().forEach(line -> System.err.println("schema: " + line));
        System.err.printf("schema: %d columns (%d typed from the data) written to %s%s%n", schema.size(), schema.dataDerived().size(), out,
                schema.dataDerived().isEmpty() ? "" : "; columns marked \"domainFromData\" have categories or bounds read from the "
                        + "data: give public ones (and remove the mark) before a differentially private synthesizer uses them, "
                        + "and labels for reports to state them");
        return 0;
    }
}
