package org.pathosynth.spark;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.pathosynth.core.schema.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: reads a table of reports (Parquet, JSON lines, ORC or CSV with a header),
 * extracts offline, writes the rows with their extracted columns as Parquet to a folder that must not exist yet, and
 * prints the counts at the end.
 */
@Command(name = "pathosynth-spark-extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Extract structured values from a table of pathology reports on a Spark cluster, offline.")
public final class ExtractReports implements Callable<Integer> {
    /**
     * Spark compiles a stage into one method; the serializer of the sixty-odd added columns makes it larger than the
     * 8,000 bytes HotSpot's JIT compiles, so it would run interpreted. At this limit Spark splits that stage instead
     * (measured 5,260-5,408 reports/s against 4,669-5,156 on 200,000 one-page reports, local[2]). A value the job
     * was given is kept.
     */
    static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";

    @Option(names = "--input", required = true, description = "The reports' table (a path Spark reads: file, HDFS, S3...).")
    String input;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet, json, orc or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--text-column", defaultValue = "text", description = "Column holding each report's text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--language-column", description = "Column with each report's language, fr or en (otherwise --lang).")
    String languageColumn;

    @Option(names = "--lang", defaultValue = "fr", description = "Language of every report without --language-column (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--extractor", defaultValue = "rules",
            description = "rules, student:MODEL or rules+student:MODEL (the model file is read here and shipped to the executors; default: ${DEFAULT-VALUE}).")
    String extractor;

    @Option(names = "--schema", description = "Schema JSON file (default: the built-in breast-cancer schema).")
    Path schema;

    @Option(names = "--prefix", defaultValue = "", description = "Put before the added columns' names.")
    String prefix;

    @Option(names = "--output", required = true, description = "Parquet folder to write; refused if it exists.")
    String output;

    @Override
    public Integer call() {
        SparkSession spark = SparkSession.builder().appName("pathosynth-extract").getOrCreate();
        refuseExisting(spark, output);
        if (!spark.conf().contains(HUGE_METHOD_LIMIT)) {
            spark.conf().set(HUGE_METHOD_LIMIT, "8000");
        }
        PathologyExtraction extraction = PathologyExtraction.builder().extractor(extractor)
                .schema(schema == null ? Schema.breastCancer() : Schema.fromJson(schema)).prefix(prefix)
                .languageColumn(languageColumn).language(language).build();
        Dataset<Row> reports = format.equals("csv") ? spark.read().option("header", "true").option("multiLine", "true").csv(input)
                : spark.read().format(format).load(input);
        long t0 = System.nanoTime();
        extraction.on(reports, textColumn).write().mode("errorifexists").parquet(output);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.print(extraction.describeCounts());
        System.out.printf(java.util.Locale.ROOT, "written to %s in %.1f s (%.0f reports/s)%n", output, seconds,
                extraction.counts().reports() / seconds);
        return extraction.counts().failed() == 0 ? 0 : 3;
    }

    /** Files are never overwritten: an existing output is refused before any report is read. */
    private static void refuseExisting(SparkSession spark, String output) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new IllegalArgumentException(output + " exists: PathoSynth writes a new folder and never replaces one");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check the output " + output, e);
        }
    }

    /** The command as {@link #main} runs it: a refused input or spec is one line naming what is wrong, exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ExtractReports());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                line.getErr().println("pathosynth-spark-extract: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
