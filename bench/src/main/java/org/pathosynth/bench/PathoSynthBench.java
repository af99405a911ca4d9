package org.pathosynth.bench;

import org.pathosynth.cli.PathoSynthCli;

/** The {@code pathosynth-bench} tool ({@code java -jar bench/target/pathosynth-bench.jar extract}). */
public final class PathoSynthBench {
    private PathoSynthBench() {
    }

    public static void main(String[] args) {
        System.exit(PathoSynthCli.execute(new BenchCommand(), args));
    }
}
