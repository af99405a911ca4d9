package org.pathosynth.extraction.filter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.report.ReportPair;

/**
 * Runs filters over pairs and says what they removed and why.
 *
 * @deprecated use {@link FilterChain#apply}, which runs corpus filters (near-duplicates) after the pair filters and
 *     counts filter errors; this delegates to it.
 */
@Deprecated
public final class CorpusFiltering {
    private CorpusFiltering() {
    }

    /** The outcome: pairs kept, and rejection counts. */
    public record Outcome(List<ReportPair> kept, int rejected, Map<String, Integer> rejectedByFilter, Map<String, Integer> reasons) {
        public Outcome {
            kept = List.copyOf(kept);
            rejectedByFilter = java.util.Collections.unmodifiableMap(new TreeMap<>(rejectedByFilter));
            reasons = java.util.Collections.unmodifiableMap(new TreeMap<>(reasons));
        }
    }

    public static Outcome apply(List<ReportPair> pairs, FilterChain chain) {
        FilterChain.Outcome o = chain.apply(pairs);
        return new Outcome(o.kept(), o.rejected(), o.rejectedByFilter(), o.reasons());
    }

    public static Outcome apply(List<ReportPair> pairs, QualityFilter filter) {
        return apply(pairs, FilterChain.of(filter));
    }
}
