package org.pathosynth.core.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run produced and lost: synthetic records, reports written, generation failures,
 * pairs accepted and rejected by the filters (rejections by filter name), filter errors, and
 * extraction failures.
 */
public record PipelineCounts(int records, int generated, int generationFailures, int accepted, int rejected,
                             Map<String, Integer> rejectedByFilter, int filterErrors, int extractionFailures) {
    public PipelineCounts {
        rejectedByFilter = java.util.Collections.unmodifiableMap(new TreeMap<>(rejectedByFilter));
    }

    /** Share of generated pairs the filters accepted (0 when nothing was generated). */
    public double acceptanceRate() {
        return generated == 0 ? 0.0 : (double) accepted / generated;
    }
}
