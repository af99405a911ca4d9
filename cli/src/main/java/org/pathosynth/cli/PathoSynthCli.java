package org.pathosynth.cli;

import java.io.PrintWriter;
import org.pathosynth.core.io.DataFormatException;
import org.pathosynth.core.schema.SchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pathosynth} command-line tool. */
@Command(name = "pathosynth", mixinStandardHelpOptions = true, version = "pathosynth 0.1.0",
        description = "Privacy-preserving synthetic pathology reports: synthesize, generate, filter, extract, evaluate.",
        subcommands = {DemoCommand.class, RunCommand.class, SynthesizeCommand.class, SampleCommand.class, TrainExtractorCommand.class, GenerateCommand.class, ExtractCommand.class, ExportCommand.class, EvaluateCommand.class, ScoreExtractionCommand.class})
public final class PathoSynthCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (0 ok, 1 bad input or failure, 2 usage error). */
    public static int run(String... args) {
        return execute(new PathoSynthCli(), args);
    }

    /**
     * Runs a picocli command the way every PathoSynth tool does: bad input and failures are one line on standard
     * error, prefixed {@code pathosynth:}, with exit code 1.
     */
    public static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof DataFormatException || e instanceof SchemaException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
                err.println("pathosynth: " + e.getMessage());
            } else {
                err.println("pathosynth: unexpected error: " + e);
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
