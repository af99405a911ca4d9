package org.pathosynth.eval.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;

/** Reproduces expected.json → sdmetrics (metrics.md 2.1–2.3). */
class SdMetricsConformanceTest {
    static final List<String> DATASETS = Conformance.DATASETS;
    private static final double TOL = 1e-9;

    @ParameterizedTest
    @FieldSource("DATASETS")
    void rangesPerRowDcrAndOverfittingScoreMatch(String dataset) {
        JsonNode s = Conformance.expected(dataset).get("sdmetrics");
        EvalTable[] t = Conformance.tables(dataset);
        Map<String, Double> ranges = GowerDcr.ranges(t[0], t[0].columnNames());
        s.get("ranges_training").properties().forEach(e ->
                assertThat(ranges.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(TOL)));
        DcrOverfittingProtection p = DcrOverfittingProtection.compute(t[0], t[1], t[2]);
        assertThat(p.dcrToTraining()).containsExactly(Conformance.doubles(s.get("per_row").get("dcr_syn_to_training")), within(TOL));
        assertThat(p.dcrToHoldout()).containsExactly(Conformance.doubles(s.get("per_row").get("dcr_syn_to_holdout")), within(TOL));
        JsonNode dop = s.get("dcr_overfitting_protection");
        assertThat(p.score()).isCloseTo(dop.get("score").asDouble(), within(TOL));
        assertThat(p.closerToTraining()).isCloseTo(dop.get("closer_to_training").asDouble(), within(TOL));
        assertThat(p.closerToHoldout()).isCloseTo(dop.get("closer_to_holdout").asDouble(), within(TOL));
        assertThat(p.ties()).isCloseTo(dop.get("ties_dcr_equal").asDouble(), within(TOL));
        assertThat(DcrOverfittingProtection.median(p.dcrToTraining())).isCloseTo(s.get("dcr_syn_to_training_median").asDouble(), within(TOL));
        assertThat(DcrOverfittingProtection.median(p.dcrToHoldout())).isCloseTo(s.get("dcr_syn_to_holdout_median").asDouble(), within(TOL));
    }

    @Test
    void baselineProtectionMatchesWithTheGivenRandomFrame() {
        JsonNode b = Conformance.expected("ds1_clean").get("sdmetrics").get("dcr_baseline_protection_given_random_csv");
        EvalTable[] t = Conformance.tables("ds1_clean");
        EvalTable random = EvalTable.fromCsv(Conformance.csv("ds1_clean", b.get("random_csv").asText())).coercedTo(t[0]);
        DcrBaselineProtection p = DcrBaselineProtection.compute(t[0], t[2], random);
        assertThat(p.medianSyntheticToTraining()).isCloseTo(b.get("median_dcr_synthetic_to_training").asDouble(), within(TOL));
        assertThat(p.medianRandomToTraining()).isCloseTo(b.get("median_dcr_random_to_training").asDouble(), within(TOL));
        assertThat(p.score()).isCloseTo(b.get("score").asDouble(), within(TOL));
    }

    @Test
    void ownRandomBaselineKeepsShapeMissingRateAndDomain() {
        EvalTable[] t = Conformance.tables("ds3_datetime_groups");
        EvalTable random = DcrBaselineProtection.randomBaseline(t[0], 4000, 1);
        assertThat(random.rowCount()).isEqualTo(4000);
        assertThat(random.columnNames()).isEqualTo(t[0].columnNames());
        for (String c : t[0].columnNames()) {
            double realRate = t[0].column(c).missingCount() / 200.0;
            double randomRate = random.column(c).missingCount() / 4000.0;
            assertThat(randomRate).as(c).isCloseTo(realRate, within(0.03));
        }
        Map<String, Double> realRanges = GowerDcr.ranges(t[0], t[0].columnNames());
        Map<String, Double> randomRanges = GowerDcr.ranges(random, t[0].columnNames());
        realRanges.forEach((c, r) -> assertThat(randomRanges.get(c)).as(c).isLessThanOrEqualTo(r).isGreaterThan(0.9 * r));
        assertThat(DcrBaselineProtection.randomBaseline(t[0], 50, 1).column("ward").label(3))
                .isEqualTo(DcrBaselineProtection.randomBaseline(t[0], 50, 1).column("ward").label(3));
    }
}
