package org.pathosynth.extraction.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.report.ReportPair;

/**
 * Runs a (composed) filter over pairs in order and says what it removed and why: kept pairs, and counts of
 * rejections per filter and per reason (reasons name attributes and rules, never values).
 */
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

    public static Outcome apply(List<ReportPair> pairs, QualityFilter filter) {
        List<ReportPair> kept = new ArrayList<>();
        Map<String, Integer> byFilter = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        int rejected = 0;
        for (ReportPair p : pairs) {
            FilterDecision d = filter.judge(p);
            if (d.accepted()) {
                kept.add(p);
                continue;
            }
            rejected++;
            byFilter.merge(d.filter(), 1, Integer::sum);
            for (String r : d.reasons()) {
                // "93% similar to r12" would make one reason per pair: keep what kind of reason it is
                reasons.merge(d.filter() + ": " + r.replaceAll("\\d+% similar to .*", "similar to a kept report"), 1, Integer::sum);
            }
        }
        return new Outcome(kept, rejected, byFilter, reasons);
    }
}
