package org.pathosynth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pathosynth.cli.run.FullRun;
import org.pathosynth.cli.run.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pathosynth run}: the whole loop from one config file, resumable. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole loop from one JSON or YAML config: split, synthesize, generate, filter, export, extract, "
                + "evaluate; writes synthetic.csv, pairs.jsonl, corpus.jsonl, exports/, predictions-*.jsonl, summary.json and "
                + "report.html. Every key has a default, so '--real my.csv' alone runs offline. Re-run the same command after a "
                + "crash to resume. The same config gives the same files, except with the differentially private synthesizers "
                + "(mst, aim, pategan, patectgan): their privacy noise comes from SecureRandom unless their noise_seed option is "
                + "set (for experiments only).")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", description = "Config file (.json, .yaml or .yml).")
    Path config;

    @Option(names = "--real", description = "Real table (CSV); overrides the config's 'real'.")
    Path real;

    @Option(names = "--holdout", description = "A ready-made holdout table (CSV, same columns): the real table is then all training "
            + "rows and holdout_share is not used; overrides the config's 'holdout'.")
    Path holdout;

    @Option(names = "--bounds", paramLabel = "COLUMN=LOW:HIGH",
            description = "Public bounds of a numeric or date column (low..high for a date-time), instead of the data's minimum and "
                    + "maximum, which a differentially private synthesizer refuses; repeatable; over the config's 'bounds'.")
    java.util.Map<String, String> bounds;

    @Option(names = "--out", description = "Output folder; overrides the config's 'out' (default: pathosynth-run).")
    Path out;

    @Option(names = "--force", description = "Write into an existing non-empty folder that is not a run folder (files of the same "
            + "names are replaced; the run's inputs never are).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (config == null && real == null) {
            throw new IllegalArgumentException("give --config run.json (or .yaml), or at least --real my.csv");
        }
        RunConfig c = config == null ? RunConfig.defaults(real.toString()) : RunConfig.read(config);
        if (config != null && real != null) {
            c = c.withReal(real.toString());
        }
        if (holdout != null) {
            c = c.withHoldout(holdout.toString());
        }
        if (bounds != null) {
            c = c.withBounds(bounds);
        }
        if (out != null) {
            c = c.withOut(out.toString());
        }
        java.util.List<Path> inputs = new java.util.ArrayList<>();
        if (config != null) {
            inputs.add(config);
        }
        FullRun run = FullRun.of(c, ConsoleProgress.onStderr(), System.err, force, inputs);
        run.run();
        System.out.println("run: done, outputs in " + run.folder());
        return 0;
    }
}
