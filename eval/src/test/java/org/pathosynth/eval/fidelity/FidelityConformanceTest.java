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
            for (int i = 0; i < shown.size(); i++) {
                int ours = counts.labels().indexOf(shown.get(i));
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

    @ParameterizedTest
    @FieldSource("DATASETS")
    void exampleBivariateCountsMatch(String dataset) {
        JsonNode example = Conformance.expected(dataset).get("accuracy").get("example_bivariate_counts");
        List<String> cols = Conformance.strings(example.get("cols"));
        EvalTable[] t = Conformance.tables(dataset);
        FidelityResult r = FidelityEvaluator.evaluate(t[0], t[1], t[2], 0);
        ColumnBins a = r.bins().get(cols.get(0));
        ColumnBins b = r.bins().get(cols.get(1));
        int[] oa = a.assign(org.pathosynth.eval.data.EvalColumn.concat(t[0].column(cols.get(0)), t[1].column(cols.get(0))));
        int[] ob = b.assign(org.pathosynth.eval.data.EvalColumn.concat(t[0].column(cols.get(1)), t[1].column(cols.get(1))));
        int[] sa = a.assign(t[2].column(cols.get(0)));
        int[] sb = b.assign(t[2].column(cols.get(1)));
        Map<String, int[]> ours = new HashMap<>();
        for (int i = 0; i < oa.length; i++) {
            ours.computeIfAbsent(a.labels().get(oa[i]) + "|" + b.labels().get(ob[i]), k -> new int[2])[0]++;
        }
        for (int i = 0; i < sa.length; i++) {
            ours.computeIfAbsent(a.labels().get(sa[i]) + "|" + b.labels().get(sb[i]), k -> new int[2])[1]++;
        }
        int cells = 0;
        for (JsonNode cell : example.get("table")) {
            String key = cell.get("bin").get(0).asText() + "|" + cell.get("bin").get(1).asText();
            int[] c = ours.getOrDefault(key, new int[2]);
            assertThat(c[0]).as("ori %s", key).isEqualTo(cell.get("ori").asInt());
            assertThat(c[1]).as("syn %s", key).isEqualTo(cell.get("syn").asInt());
            cells++;
        }
        assertThat(cells).isPositive();
    }
}
