package org.pathosynth.cli;

import java.io.PrintWriter;
import org.pathosynth.core.io.DataFormatException;
import org.pathosynth.core.schema.InvalidValueException;
import org.pathosynth.core.schema.SchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pathosynth} command-line tool. */
@Command(name = "pathosynth", mixinStandardHelpOptions = true, version = "pathosynth 0.1.0",
        description = "Privacy-preserving synthetic pathology reports: synthesize, generate, filter, extract, evaluate.",
        subcommands = {DemoCommand.class, RunCommand.class, SchemaCommand.class, SynthesizeCommand.class, SampleCommand.class, TrainExtractorCommand.class, GenerateCommand.class, ExtractCommand.class, ExportCommand.class, EvaluateCommand.class, ScoreExtractionCommand.class})
public final class PathoSynthCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by the error printer from the parse result; every subcommand inherits it. */
    @CommandLine.Option(names = "--show-values", scope = CommandLine.ScopeType.INHERIT,
            description = "Error messages quote the offending value, which may be a patient's (hidden by default).")
    boolean showValues;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (0 ok, 1 bad input or failure, 2 usage error). */
    public static int run(String... args) {
        return execute(new PathoSynthCli(), args);
    }

    /**
     * Runs a picocli command the way every PathoSynth tool does: bad input and failures are one line on standard
     * error, prefixed {@code pathosynth:}, with exit code 1. A value read from the input (a patient's, perhaps) is
     * quoted only when the command line says {@code --show-values}.
     */
    public static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("pathosynth: " + message(e, showValues(parseResult)));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** The one line for a failure: values and a parser's words quoted only when {@code showValues}. */
    static String message(Exception e, boolean showValues) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof java.io.IOException && m != null && (m.contains("No space left on device") || m.contains("not enough space on the disk"))) {
                String file = "";
                for (Throwable w = e; w != null; w = w.getCause()) { // the output's name, not its temporary file's
                    java.util.regex.Matcher target = java.util.regex.Pattern.compile("^cannot write (.+?): ").matcher(String.valueOf(w.getMessage()));
                    if (target.find()) {
                        file = " while writing " + target.group(1);
                        break;
                    }
                }
                if (file.isEmpty() && t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
                    file = " while writing " + f.getFile();
                }
                return "the disk is full" + file + ": free some space and run the same command again (outputs are written whole "
                        + "or not at all; generate and run resume where they stopped)";
            }
        }
        if (e instanceof DataFormatException d) {
            return d.message(showValues);
        }
        if (e instanceof InvalidValueException v) {
            return v.message(showValues);
        }
        // Our own failures say what went wrong in words of ours; a number that did not parse quotes its text.
        if ((e instanceof SchemaException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException) && !(e instanceof NumberFormatException)) {
            return e.getMessage();
        }
        // Another exception's message is not ours: it may quote the input.
        return "unexpected error: " + (showValues ? e.toString()
                : e.getClass().getName() + " (its message may quote the input: --show-values shows it)");
    }

    /** Whether {@code --show-values} was given, before or after the subcommand. */
    private static boolean showValues(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--show-values") && Boolean.TRUE.equals(p.matchedOptionValue("--show-values", false))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
