package org.pathosynth.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/** Pair filters decide first; corpus filters see only what they kept, so a dropped pair blocks nothing. */
class FilterChainTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    private static ReportPair pair(String id, String text) {
        return new ReportPair(id, ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "2")), Report.of(id, text, "en"));
    }

    /** Rejects texts containing "bad". */
    private static final QualityFilter NO_BAD = new QualityFilter() {
        @Override
        public String name() {
            return "no-bad";
        }

        @Override
        public FilterDecision judge(ReportPair p) {
            return p.report().text().contains("bad") ? FilterDecision.reject(name(), 0, List.of("says bad")) : FilterDecision.accept(name(), 0.9);
        }
    };

    /** Keeps the first pair of each text, as a near-duplicate filter would. */
    private static final CorpusFilter FIRST_OF_EACH = new CorpusFilter() {
        @Override
        public String name() {
            return "first-of-each";
        }

        @Override
        public List<FilterDecision> judgeAll(List<ReportPair> pairs) {
            Set<String> seen = new HashSet<>();
            List<FilterDecision> out = new ArrayList<>();
            for (ReportPair p : pairs) {
                String key = p.report().text().replace("bad ", "");
                out.add(seen.add(key) ? FilterDecision.accept(name(), 1) : FilterDecision.reject(name(), 0, List.of("repeats a kept report")));
            }
            return out;
        }
    };

    @Test
    void aPairDroppedByAPairFilterNeverBlocksItsTwin() {
        List<ReportPair> pairs = List.of(pair("a", "bad grade 2"), pair("b", "grade 2"), pair("c", "grade 2"), pair("d", "grade 3"));
        FilterChain.Outcome o = FilterChain.of(List.of(NO_BAD), List.of(FIRST_OF_EACH)).apply(pairs);
        assertThat(o.kept()).extracting(ReportPair::id).containsExactly("b", "d"); // "a" is gone, so "b" is the first of its text
        assertThat(o.rejected()).isEqualTo(2);
        assertThat(o.rejectedByFilter()).containsExactly(Map.entry("first-of-each", 1), Map.entry("no-bad", 1));
        assertThat(o.reasons()).containsExactly(Map.entry("first-of-each: repeats a kept report", 1), Map.entry("no-bad: says bad", 1));
        assertThat(o.decisions()).hasSize(4);
        assertThat(o.decisions().get(0).filter()).isEqualTo("no-bad");
        assertThat(o.decisions().get(1).score()).isEqualTo(0.9);
        assertThat(FilterChain.of(List.of(NO_BAD), List.of(FIRST_OF_EACH)).names()).containsExactly("no-bad", "first-of-each");
    }

    @Test
    void aFilterThatThrowsRejectsThatPairAsACountedError() {
        QualityFilter broken = new QualityFilter() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public FilterDecision judge(ReportPair p) {
                if (p.id().equals("b")) {
                    throw new IllegalStateException("boom");
                }
                return FilterDecision.accept(name(), 1);
            }
        };
        FilterChain.Outcome o = FilterChain.of(List.of(broken, NO_BAD), List.of()).apply(List.of(pair("a", "x"), pair("b", "y"), pair("c", "bad")));
        assertThat(o.filterErrors()).isEqualTo(1);
        assertThat(o.kept()).extracting(ReportPair::id).containsExactly("a");
        assertThat(o.reasons()).containsKeys("broken: filter error: IllegalStateException", "no-bad: says bad");
    }

    @Test
    void noFilterKeepsEverything() {
        List<ReportPair> pairs = List.of(pair("a", "x"), pair("b", "x"));
        assertThat(FilterChain.none().apply(pairs).kept()).isEqualTo(pairs);
        assertThat(FilterChain.none().isEmpty()).isTrue();
    }
}
