package org.pathosynth.core.filter;

import java.util.List;

/**
 * A filter's verdict on one pair: accept or reject, a score in [0, 1] (higher is better), the
 * reasons, and which filter decided.
 */
public record FilterDecision(boolean accepted, double score, List<String> reasons, String filter) {
    public FilterDecision {
        reasons = List.copyOf(reasons);
    }

    public static FilterDecision accept(String filter, double score) {
        return new FilterDecision(true, score, List.of(), filter);
    }

    public static FilterDecision reject(String filter, double score, List<String> reasons) {
        return new FilterDecision(false, score, reasons, filter);
    }
}
