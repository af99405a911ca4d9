package org.pathosynth.core.filter;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.report.ReportPair;

/** Judges one (record, report) pair. Filters compose with {@link #and(QualityFilter)}. */
public interface QualityFilter {
    String name();

    FilterDecision judge(ReportPair pair);

    /** Both filters must accept; the first rejection decides, the score is the lower one. */
    default QualityFilter and(QualityFilter next) {
        QualityFilter first = this;
        return new QualityFilter() {
            @Override
            public String name() {
                return first.name() + "+" + next.name();
            }

            @Override
            public FilterDecision judge(ReportPair pair) {
                FilterDecision a = first.judge(pair);
                if (!a.accepted()) {
                    return a;
                }
                FilterDecision b = next.judge(pair);
                List<String> reasons = new ArrayList<>(a.reasons());
                reasons.addAll(b.reasons());
                return new FilterDecision(b.accepted(), Math.min(a.score(), b.score()), reasons,
                        b.accepted() ? name() : b.filter());
            }
        };
    }

    /** Accepts everything with score 1 (the pipeline's default). */
    static QualityFilter acceptAll() {
        return new QualityFilter() {
            @Override
            public String name() {
                return "accept-all";
            }

            @Override
            public FilterDecision judge(ReportPair pair) {
                return FilterDecision.accept(name(), 1.0);
            }
        };
    }
}
