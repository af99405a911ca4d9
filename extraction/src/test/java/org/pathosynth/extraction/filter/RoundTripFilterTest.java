package org.pathosynth.extraction.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

class RoundTripFilterTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final ClinicalRecord RECORD = ClinicalRecord.of(SCHEMA,
            Map.of("sbr_grade", "2", "er_status", "positive", "ki67_percent", 20.0, "clear_margins", true));

    private static ReportPair pair(String text) {
        return new ReportPair("p", RECORD, Report.of("p", text, "fr"));
    }

    @Test
    void acceptsAFaithfulReport() {
        FilterDecision d = RoundTripFilter.of(RuleBasedExtractor.create())
                .judge(pair("Carcinome de grade II. Limites saines. RE positifs. Ki-67 : 20 %."));
        assertThat(d.accepted()).isTrue();
        assertThat(d.score()).isEqualTo(1.0);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void rejectsMissingAndWrongValuesNamingTheAttributesOnly() {
        FilterDecision d = RoundTripFilter.of(RuleBasedExtractor.create())
                .judge(pair("Carcinome de grade III. Limites saines. RE positifs."));
        assertThat(d.accepted()).isFalse();
        assertThat(d.score()).isEqualTo(0.5);
        assertThat(d.filter()).isEqualTo("round-trip");
        assertThat(d.reasons()).containsExactlyInAnyOrder("sbr_grade: read a different value", "ki67_percent: not found in report");
        assertThat(String.join(" ", d.reasons())).doesNotContain("III", "20");
    }

    @Test
    void thresholdAllowsPartialRecovery() {
        ReportPair half = pair("Carcinome de grade III. Limites saines. RE positifs.");
        assertThat(RoundTripFilter.of(RuleBasedExtractor.create(), 0.5).judge(half).accepted()).isTrue();
        assertThat(RoundTripFilter.of(RuleBasedExtractor.create(), 0.75).judge(half).accepted()).isFalse();
        assertThatThrownBy(() -> RoundTripFilter.of(RuleBasedExtractor.create(), 1.5)).hasMessageContaining("[0, 1]");
    }

    @Test
    void extraStatedValuesAreNotCountedAgainstThePair() {
        FilterDecision d = RoundTripFilter.of(RuleBasedExtractor.create())
                .judge(pair("Carcinome de grade II. Limites saines. RE positifs, RP négatifs. Ki-67 : 20 %."));
        assertThat(d.accepted()).isTrue();
    }
}
