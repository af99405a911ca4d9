package org.pathosynth.eval.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;

/** Reproduces expected.json → accuracy for the three conformance datasets (metrics.md 1.3–1.4). */
class FidelityConformanceTest {
    static final List<String> DATASETS = Conformance.DATASETS;

    private static FidelityResult evaluate(String dataset) {
        EvalTable[] t = Conformance.tables(dataset);
        return FidelityEvaluator.evaluate(t[0], t[1], t[2], 0);
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void binsMatch(String dataset) {
        JsonNode expected = Conformance.expected(dataset).get("accuracy");
        FidelityResult r = evaluate(dataset);
        expected.get("bins").properties().forEach(e -> {
            ColumnBins bins = r.bins().get(e.getKey());
            String kind = expected.get("bin_kind").get(e.getKey()).asText();
            if (kind.equals("categorical")) {
                assertThat(bins.definition()).as(e.getKey()).containsExactlyElementsOf(Conformance.strings(e.getValue()));
            } else if (kind.equals("numeric")) {
                assertThat(bins.definition()).as(e.getKey())
                        .containsExactlyElementsOf(Conformance.strings(e.getValue()).stream().map(s -> (Object) Double.parseDouble(s)).toList());
            } else {
                List<String> dates = bins.definition().stream().map(o -> java.time.Instant.ofEpochSecond((long) ((Double) o / 1e9))
                        .atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ') + ":00").toList();
                assertThat(dates).as(e.getKey()).containsExactlyElementsOf(Conformance.strings(e.getValue()));
            }
        });
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void perBinCountsMatch(String dataset) {
        JsonNode expected = Conformance.expected(dataset).get("accuracy").get("univariate_counts_by_index");
        FidelityResult r = evaluate(dataset);
        expected.properties().forEach(e -> {
            BinCounts counts = r.binCounts().get(e.getKey());
            List<String> shown = Conformance.strings(e.getValue().get("categories_in_order"));
            // The reference lists the bins that occur; match them to ours by label.
            boolean datetime = Conformance.expected(dataset).get("accuracy").get("bin_kind").get(e.getKey()).asText().equals("datetime");
            for (int i = 0; i < shown.size(); i++) {
                // Datetime labels are display text that differs (ISO dates here): compare those bins by position.
                int ours = datetime ? (shown.get(i).equals("(n/a)") ? counts.labels().size() - 1 : i) : counts.labels().indexOf(shown.get(i));
                assertThat(ours).as("%s bin %s", e.getKey(), shown.get(i)).isNotNegative();
                assertThat(counts.reference()[ours]).as("%s ori %s", e.getKey(), shown.get(i)).isEqualTo(e.getValue().get("ori").get(i).asInt());
                assertThat(counts.synthetic()[ours]).as("%s syn %s", e.getKey(), shown.get(i)).isEqualTo(e.getValue().get("syn").get(i).asInt());
            }
        });
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void everyTupleAccuracyMatchesExactly(String dataset) {
        JsonNode expected = Conformance.expected(dataset).get("accuracy");
        FidelityResult r = evaluate(dataset);
        Map<String, TupleAccuracy> ours = new HashMap<>();
        r.univariate().forEach(t -> ours.put(String.join("|", t.columns()), t));
        r.bivariate().forEach(t -> ours.put(String.join("|", t.columns()), t));
        r.trivariate().forEach(t -> ours.put(String.join("|", t.columns()), t));
        assertThat(r.univariate()).hasSize(expected.get("univariate").size());
        assertThat(r.bivariate()).hasSize(expected.get("bivariate").size());
        assertThat(r.trivariate()).hasSize(expected.get("trivariate").size());
        for (JsonNode u : expected.get("univariate")) {
            check(ours.get(u.get("column").asText()), u);
        }
        for (JsonNode b : expected.get("bivariate")) {
            List<String> cols = new java.util.ArrayList<>(List.of(b.get("col1").asText(), b.get("col2").asText()));
            java.util.Collections.sort(cols);
            check(ours.get(String.join("|", cols)), b);
        }
        for (JsonNode t : expected.get("trivariate")) {
            List<String> cols = new java.util.ArrayList<>(Conformance.strings(t.get("cols")));
            java.util.Collections.sort(cols);
            check(ours.get(String.join("|", cols)), t);
        }
    }

    private static void check(TupleAccuracy ours, JsonNode expected) {
        assertThat(ours).as(expected.toString()).isNotNull();
        assertThat(ours.accuracy()).as("accuracy %s", ours.columns()).isEqualTo(expected.get("accuracy").asDouble());
        assertThat(ours.accuracyMax()).as("max %s", ours.columns()).isEqualTo(expected.get("accuracy_max").asDouble());
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void aggregatesMatch(String dataset) {
        JsonNode m = Conformance.expected(dataset).get("accuracy").get("metrics");
        AccuracySummary s = evaluate(dataset).summary();
        AccuracySummary rounded = s.rounded();
        assertThat(rounded.overall()).isEqualTo(m.get("overall").asDouble());
        assertThat(rounded.univariate()).isEqualTo(m.get("univariate").asDouble());
        assertThat(rounded.bivariate()).isEqualTo(m.get("bivariate").asDouble());
        assertThat(rounded.trivariate()).isEqualTo(m.get("trivariate").asDouble());
        assertThat(rounded.overallMax()).isEqualTo(m.get("overall_max").asDouble());
        assertThat(rounded.univariateMax()).isEqualTo(m.get("univariate_max").asDouble());
        assertThat(rounded.bivariateMax()).isEqualTo(m.get("bivariate_max").asDouble());
        assertThat(rounded.trivariateMax()).isEqualTo(m.get("trivariate_max").asDouble());
        JsonNode u = m.get("unrounded");
        assertThat(s.overall()).isCloseTo(u.get("overall").asDouble(), within(1e-12));
        assertThat(s.univariate()).isCloseTo(u.get("univariate").asDouble(), within(1e-12));
        assertThat(s.bivariate()).isCloseTo(u.get("bivariate").asDouble(), within(1e-12));
        assertThat(s.trivariate()).isCloseTo(u.get("trivariate").asDouble(), within(1e-12));
    }
}
