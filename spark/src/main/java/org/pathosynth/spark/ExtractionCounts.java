package org.pathosynth.spark;

import java.util.Locale;
import java.util.Map;

/**
 * How many reports an extraction read, how many failed, and per attribute how many values it found; gathered on the
 * executors with accumulators. Spark counts an accumulator updated inside a transformation once per task attempt: a
 * retried task or a recomputed dataset (an uncached dataset used by two actions) counts its reports again, so read
 * these counts after one action on the dataset, or cache it.
 */
public record ExtractionCounts(long reports, long failed, Map<String, Long> found) {
    public ExtractionCounts {
        found = Map.copyOf(found);
    }

    /** A table: one line per attribute with its count and share of the reads that succeeded. */
    public String describe(Iterable<String> order) {
        StringBuilder sb = new StringBuilder();
        long read = reports - failed;
        sb.append(String.format(Locale.ROOT, "%d reports: %d read, %d failed%n", reports, read, failed));
        for (String a : order) {
            long n = found.getOrDefault(a, 0L);
            sb.append(String.format(Locale.ROOT, "  %-28s %10d found (%5.1f %%)%n", a, n, read == 0 ? 0.0 : 100.0 * n / read));
        }
        return sb.toString();
    }
}
