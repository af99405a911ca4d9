package org.pathosynth.bench;

import org.pathosynth.cli.PathoSynthCli;
import picocli.CommandLine.Command;

/**
 * The {@code pathosynth-bench} tool ({@code java -jar bench/target/pathosynth-bench.jar extract}): timing of
 * PathoSynth's hot paths on this machine, one subcommand per benchmark. Benchmarks, not tests: run them on a quiet
 * machine and repeat. Without a subcommand it is a usage error, as picocli makes it for a command that does nothing.
 */
@Command(name = "pathosynth-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of PathoSynth's hot paths on this machine (wall clock, after a warm-up). "
                + "Run them on a quiet machine and repeat.",
        subcommands = {DistancesBench.class, EvaluateBench.class, ReportBench.class, SynthBench.class, ExtractBench.class, GanBench.Ctgan.class,
                GanBench.PateGan.class, GanBench.PateCtgan.class, LlmBench.class, WriterBench.class, FixturesBench.class,
                LocalBench.class, StudentBench.class})
public final class PathoSynthBench {

    public static void main(String[] args) {
        System.exit(PathoSynthCli.execute(new PathoSynthBench(), args));
    }
}
