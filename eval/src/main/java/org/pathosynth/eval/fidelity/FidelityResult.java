package org.pathosynth.eval.fidelity;

import java.util.List;
import java.util.Map;

/** Fidelity of a synthetic table: every tuple's accuracy, the means, and the bins with their counts. */
public record FidelityResult(List<TupleAccuracy> univariate, List<TupleAccuracy> bivariate,
                             List<TupleAccuracy> trivariate, AccuracySummary summary,
                             Map<String, ColumnBins> bins, Map<String, BinCounts> binCounts) {
    public FidelityResult {
        univariate = List.copyOf(univariate);
        bivariate = List.copyOf(bivariate);
        trivariate = List.copyOf(trivariate);
        bins = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bins));
        binCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(binCounts));
    }
}
