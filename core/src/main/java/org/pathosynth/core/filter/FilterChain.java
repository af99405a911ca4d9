package org.pathosynth.core.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pathosynth.core.report.ReportPair;

/**
 * Pair filters in order (the first rejection decides), then corpus filters over the pairs that are left. Says what
 * each filter removed and why; a filter that throws rejects that pair as a counted filter error.
 */
public final class FilterChain {
    private final List<QualityFilter> pairFilters;
    private final List<CorpusFilter> corpusFilters;

    private FilterChain(List<QualityFilter> pairFilters, List<CorpusFilter> corpusFilters) {
        this.pairFilters = List.copyOf(pairFilters);
        this.corpusFilters = List.copyOf(corpusFilters);
    }

    public static FilterChain of(List<QualityFilter> pairFilters, List<CorpusFilter> corpusFilters) {
        return new FilterChain(pairFilters, corpusFilters);
    }

    /** Keeps everything. */
    public static FilterChain none() {
        return new FilterChain(List.of(), List.of());
    }

    public static FilterChain of(QualityFilter filter) {
        return new FilterChain(List.of(filter), List.of());
    }

    public boolean isEmpty() {
        return pairFilters.isEmpty() && corpusFilters.isEmpty();
    }

    /** Filter names in the order they run. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        pairFilters.forEach(f -> n.add(f.name()));
        corpusFilters.forEach(f -> n.add(f.name()));
        return n;
    }

    /**
     * What the chain kept and removed.
     *
     * @param kept             the pairs kept, in input order
     * @param decisions        one decision per input pair, in input order
     * @param rejectedByFilter rejections per filter name
     * @param reasons          rejections per "filter: reason" (reasons name attributes and rules, never values)
     * @param filterErrors     pairs rejected because a filter threw
     */
    public record Outcome(List<ReportPair> kept, List<FilterDecision> decisions, Map<String, Integer> rejectedByFilter,
                          Map<String, Integer> reasons, int filterErrors) {
        public Outcome {
            kept = List.copyOf(kept);
            decisions = List.copyOf(decisions);
            rejectedByFilter = Collections.unmodifiableMap(new TreeMap<>(rejectedByFilter));
            reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
        }

        public int rejected() {
            return decisions.size() - kept.size();
        }
    }

    public Outcome apply(List<ReportPair> pairs) {
        FilterDecision[] decisions = new FilterDecision[pairs.size()];
        int errors = 0;
        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            FilterDecision d = null;
            for (QualityFilter f : pairFilters) {
                FilterDecision next;
                try {
                    next = f.judge(pairs.get(i));
                } catch (RuntimeException e) {
                    errors++;
                    next = FilterDecision.reject(f.name(), 0.0, List.of("filter error: " + e.getClass().getSimpleName()));
                }
                d = d == null ? next : combine(d, next);
                if (!next.accepted()) {
                    break;
                }
            }
            decisions[i] = d;
            if (d == null || d.accepted()) {
                survivors.add(i);
            }
        }
        for (CorpusFilter f : corpusFilters) {
            List<ReportPair> in = survivors.stream().map(pairs::get).toList();
            List<FilterDecision> verdicts = f.judgeAll(in);
            if (verdicts.size() != in.size()) {
                throw new IllegalStateException("corpus filter " + f.name() + " judged " + verdicts.size() + " of " + in.size() + " pairs");
            }
            List<Integer> next = new ArrayList<>();
            for (int k = 0; k < in.size(); k++) {
                int i = survivors.get(k);
                FilterDecision v = verdicts.get(k);
                decisions[i] = decisions[i] == null ? v : combine(decisions[i], v);
                if (v.accepted()) {
                    next.add(i);
                }
            }
            survivors = next;
        }
        List<ReportPair> kept = new ArrayList<>();
        List<FilterDecision> all = new ArrayList<>(pairs.size());
        Map<String, Integer> byFilter = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            FilterDecision d = decisions[i] == null ? FilterDecision.accept("none", 1.0) : decisions[i];
            all.add(d);
            if (d.accepted()) {
                kept.add(pairs.get(i));
            } else {
                byFilter.merge(d.filter(), 1, Integer::sum);
                for (String r : d.reasons()) {
                    reasons.merge(d.filter() + ": " + r, 1, Integer::sum);
                }
            }
        }
        return new Outcome(kept, all, byFilter, reasons, errors);
    }

    /** As {@link QualityFilter#and}: the first rejection decides, the score is the lower one. */
    private static FilterDecision combine(FilterDecision a, FilterDecision b) {
        if (!a.accepted()) {
            return a;
        }
        List<String> reasons = new ArrayList<>(a.reasons());
        reasons.addAll(b.reasons());
        return new FilterDecision(b.accepted(), Math.min(a.score(), b.score()), reasons, b.accepted() ? a.filter() + "+" + b.filter() : b.filter());
    }
}
