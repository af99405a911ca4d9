package org.pathosynth.bench;

import picocli.CommandLine.Option;

/**
 * {@code --repeat}: one warm-up run (the JIT, class loading, first-call caches), then that many timed runs of the
 * same work, each printed under its label.
 */
final class RepeatedRuns {
    @Option(names = "--repeat", defaultValue = "3", description = "Timed repetitions after one warm-up (default: ${DEFAULT-VALUE}).")
    int repeat;

    /** One run of a benchmark: {@code index} 0 is the warm-up, then 1 to --repeat; {@code label} names it in the output. */
    @FunctionalInterface
    interface Run {
        void run(int index, String label) throws Exception;
    }

    /** The warm-up labelled "warm-up", then "run 1", "run 2", ... */
    void each(Run run) throws Exception {
        each("warm-up", run);
    }

    /** The warm-up labelled {@code firstLabel}, then "run 1", "run 2", ... */
    void each(String firstLabel, Run run) throws Exception {
        for (int index = 0; index <= repeat; index++) {
            run.run(index, index == 0 ? firstLabel : "run " + index);
        }
    }
}
