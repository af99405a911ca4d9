package org.pathosynth.bench;

import java.util.Locale;
import org.pathosynth.fixtures.PathologyFixtures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fixtures}: 10,000 fixture pairs; the first call pays for loading the model and the templates and for the JIT. */
@Command(name = "fixtures", mixinStandardHelpOptions = true,
        description = "10,000 fixture pairs, first call in this JVM then warm.")
final class FixturesBench extends Benchmark {
    @Mixin
    RepeatedRuns runs;

    @Override
    void measure() throws Exception {
        runs.each("first call", (run, label) -> {
            long t = System.nanoTime();
            int n = PathologyFixtures.breastCancer().seed(run).pairs(10_000).size();
            System.out.printf(Locale.ROOT, "fixtures, %s: %d pairs in %.3f s%n", label, n, (System.nanoTime() - t) / 1e9);
        });
    }
}
