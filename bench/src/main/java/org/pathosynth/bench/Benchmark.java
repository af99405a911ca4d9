package org.pathosynth.bench;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One benchmark of {@code pathosynth-bench}: prints the machine it runs on ({@code cores: N, max heap: M MB}), so
 * figures pasted elsewhere say where they were measured, then measures and prints its figures.
 */
abstract class Benchmark implements Callable<Integer> {

    @Override
    public final Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        measure();
        return 0;
    }

    /** Runs the benchmark and prints its figures on standard output. */
    abstract void measure() throws Exception;
}
