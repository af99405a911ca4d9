package org.pathosynth.eval.distance;

import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Runs a body over rows 0..n-1 in parallel, a chunk (1 % of the rows, at least 1,000) at a time, and tells
 * {@code rowsDone} after each chunk on the calling thread, so long distance passes show progress without a listener
 * being called from pool threads.
 */
public final class ParallelRows {
    private ParallelRows() {
    }

    public static void forEach(int n, IntConsumer body, LongConsumer rowsDone) {
        int chunk = Math.max(1_000, n / 100);
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            IntStream.range(from, to).parallel().forEach(body);
            rowsDone.accept(to);
        }
    }
}
