package org.pathosynth.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.text.TextDiversity;

class QualityEvaluatorTest {

    private static QualityReport ds(String dataset) {
        EvalTable[] t = Conformance.tables(dataset);
        return QualityEvaluator.builder().build().evaluate(t[0], t[1], t[2]);
    }

    @Test
    void jsonCarriesTheReferenceNamesAndValues() throws Exception {
        JsonNode json = new ObjectMapper().readTree(QualityReportJson.write(ds("ds2_leaky")));
        JsonNode expected = Conformance.expected("ds2_leaky");
        JsonNode acc = expected.get("accuracy").get("metrics");
        for (String k : List.of("overall", "univariate", "bivariate", "trivariate")) {
            assertThat(json.get("accuracy").get(k).asDouble()).as(k).isEqualTo(acc.get(k).asDouble());
        }
        assertThat(json.get("similarity").get("cosine_similarity_training_synthetic").asDouble())
                .isEqualTo(expected.get("embeddings").get("similarity").get("cosine_similarity_training_synthetic").asDouble());
        JsonNode d = expected.get("embeddings").get("distances_all_columns");
        for (String k : List.of("ims_training", "ims_holdout", "dcr_training", "dcr_holdout", "dcr_share")) {
            assertThat(json.get("distances").get(k).asDouble()).as(k).isEqualTo(d.get(k).asDouble());
        }
        assertThat(json.get("distances").get("nndr_training").asDouble()).isEqualTo(d.get("nndr_training").asDouble());
        // the vectors' metadata types n_visits as a number by hand; SDV detects it as a category (as the evaluator does),
        // and SDMetrics 0.29 then gives p = 0.665, score 0.67 (0.66 with the vectors' metadata)
        assertThat(json.get("dcr_overfitting_protection").get("score").asDouble())
                .isCloseTo(0.67, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(expected.get("sdmetrics").get("dcr_overfitting_protection").get("score").asDouble()).isCloseTo(0.66,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("accuracy").get("per_column")).hasSize(6);
        assertThat(json.get("accuracy").get("per_pair")).hasSize(15);
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void aColumnBlankInEveryTableIsNotScoredWhenAsked() {
        EvalTable[] t = Conformance.tables("ds1_clean");
        String[][] blanks = new String[3][];
        EvalTable[] withBlank = new EvalTable[3];
        for (int k = 0; k < 3; k++) {
            blanks[k] = new String[t[k].rowCount()];
            List<EvalColumn> columns = new java.util.ArrayList<>(t[k].columns());
            columns.add(EvalColumn.categorical("clear_margins", blanks[k]));
            withBlank[k] = new EvalTable(t[k].name(), columns);
        }
        QualityReport scored = QualityEvaluator.builder().build().evaluate(withBlank[0], withBlank[1], withBlank[2]);
        assertThat(scored.fidelity().bins()).containsKey("clear_margins"); // the reference's behaviour: a perfect 1.000
        QualityReport skipped = QualityEvaluator.builder().skipBlankColumns(true).build().evaluate(withBlank[0], withBlank[1], withBlank[2]);
        assertThat(skipped.fidelity().bins()).doesNotContainKey("clear_margins");
        assertThat(skipped.columns()).doesNotContain("clear_margins");
        assertThat(skipped.warnings()).containsExactly("not scored, blank in every row of every table: clear_margins");
        QualityReport plain = QualityEvaluator.builder().build().evaluate(t[0], t[1], t[2]);
        assertThat(skipped.fidelity().summary()).isEqualTo(plain.fidelity().summary());
    }

    @Test
    void theLongStagesReportRowsDoneUpToTheirTotal() {
        // a user of a 200,000-row evaluation sees the distances advance, not a silent stage
        EvalTable[] t = Conformance.tables("ds1_clean");
        java.util.Map<String, List<long[]>> seen = new java.util.LinkedHashMap<>();
        QualityEvaluator.builder().progress((stage, done, total) -> seen.computeIfAbsent(stage, k -> new java.util.ArrayList<>())
                .add(new long[] {done, total})).build().evaluate(t[0], t[1], t[2]);
        assertThat(seen.keySet()).containsExactly("evaluate: accuracy", "evaluate: encoding", "evaluate: distances",
                "evaluate: dcr overfitting");
        long syn = t[2].rowCount();
        long hol = t[1].rowCount();
        List<long[]> distances = seen.get("evaluate: distances");
        assertThat(distances).allMatch(p -> p[1] == 2 * syn + hol);
        assertThat(distances.get(distances.size() - 1)[0]).isEqualTo(2 * syn + hol);
        assertThat(distances.stream().mapToLong(p -> p[0]).toArray()).isSorted().hasSizeGreaterThanOrEqualTo(3);
        List<long[]> dcr = seen.get("evaluate: dcr overfitting");
        assertThat(dcr).allMatch(p -> p[1] == 2 * syn);
        assertThat(dcr.get(dcr.size() - 1)[0]).isEqualTo(2 * syn);
    }

    @Test
    void htmlIsSelfContainedWithTheCharts() {
        QualityReport r = ds("ds3_datetime_groups");
        ExtractionScores scores = ExtractionScorer.score(org.pathosynth.core.schema.Schema.breastCancer(), List.of(), List.of());
        String html = QualityReportHtml.render(r.with(scores, TextDiversity.of(List.of("a b c", "a b d"), 2, 1)), "ds3 <test>");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>");
        assertThat(html).doesNotContain("<script", "src=", "href=", "http://www.example", "https://");
        assertThat(html).contains("ds3 &lt;test&gt;");
        assertThat(html.split("<svg", -1).length - 1).as("one chart per column + heat-map + DCR histogram").isEqualTo(7 + 2);
        assertThat(html).contains("Bivariate accuracy", "Distance to closest record", "Extraction", "Text diversity", "ward");
        // counts and times in words, never a Java map
        assertThat(r.rowsInWords()).matches("[\\d,]+ training, [\\d,]+ holdout and [\\d,]+ synthetic rows");
        assertThat(r.timingsInWords()).matches("accuracy \\d+\\.\\d s, encoding \\d+\\.\\d s, distances \\d+\\.\\d s, dcr overfitting \\d+\\.\\d s");
        assertThat(html).contains(r.rowsInWords(), r.timingsInWords()).doesNotContain("{training=", "{accuracy=", "Timings (ms)");
        assertThat(QualityReportConsole.render(r)).startsWith(r.rowsInWords() + "\n");
    }

    @Test
    void consoleShowsTheHeadlineNumbers() {
        String text = QualityReportConsole.render(ds("ds1_clean"));
        assertThat(text).contains("overall", "0.7317", "DCR share", "0.485", "DCR overfitting protection", "0.970");
    }

    @Test
    void aTwoColumnTableHasNoTrivariateScoreAndTheConsoleSaysSo() {
        java.util.function.IntFunction<String> row = i -> (20 + i % 50) + "," + (i % 3 == 0 ? "a" : "b");
        EvalTable trn = table("t", rows("x,y", 200, row));
        EvalTable hol = table("h", rows("x,y", 100, row));
        EvalTable syn = table("s", rows("x,y", 200, i -> row.apply(i + 7)));
        QualityReport r = QualityEvaluator.builder().build().evaluate(trn, hol, syn);
        assertThat(r.fidelity().summary().trivariate()).isNaN();
        assertThat(QualityReportConsole.render(r)).containsPattern("  trivariate +n/a +n/a\n").doesNotContain("NaN");
    }

    private static EvalTable table(String name, String csv) {
        return EvalTable.fromCsv(RawCsv.read(new StringReader(csv), name));
    }

    private static String rows(String header, int n, java.util.function.IntFunction<String> row) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            sb.append(row.apply(i)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void tooFewRowsAreRefusedWithTheReferenceMinimum() {
        EvalTable trn = table("trn.csv", rows("a,b", 100, i -> i + ",x"));
        EvalTable hol = table("hol.csv", rows("a,b", 20, i -> i + ",x"));
        EvalTable small = table("syn.csv", rows("a,b", 99, i -> i + ",x"));
        assertThatThrownBy(() -> QualityEvaluator.builder().build().evaluate(trn, hol, small))
                .isInstanceOf(EvaluationInputException.class)
                .hasMessage("synthetic table syn.csv has 99 rows; the reference metrics need at least 100");
        EvalTable tinyHoldout = table("hol.csv", rows("a,b", 9, i -> i + ",x"));
        assertThatThrownBy(() -> QualityEvaluator.builder().build().evaluate(trn, tinyHoldout, trn))
                .hasMessageContaining("holdout table hol.csv has 9 rows").hasMessageContaining("at least 10");
    }

    @Test
    void mismatchedColumnsAreNamed() {
        EvalTable trn = table("trn.csv", rows("a,b,c", 100, i -> i + ",x,1"));
        EvalTable syn = table("syn.csv", rows("a,b,z", 100, i -> i + ",x,1"));
        assertThatThrownBy(() -> QualityEvaluator.builder().build().evaluate(trn, null, syn))
                .hasMessageContaining("syn.csv lacks training column(s) [c]");
        EvalTable extra = table("syn.csv", rows("a,b,c,z", 100, i -> i + ",x,1,q"));
        QualityReport r = QualityEvaluator.builder().build().evaluate(trn, null, extra);
        assertThat(r.warnings()).containsExactly("syn.csv: column(s) [z] are not in the training table and are ignored");
        assertThat(r.overfitting()).isNull();
        assertThat(r.distances().dcrShare()).isNaN();
    }

    @Test
    void allMissingColumnsAndUnseenCategoriesHaveDocumentedResults() {
        EvalTable trn = table("trn.csv", rows("a,b,c", 120, i -> (i % 10) + "," + (i % 3 == 0 ? "x" : "y") + ","));
        EvalTable hol = table("hol.csv", rows("a,b,c", 40, i -> (i % 10) + ",x,"));
        EvalTable syn = table("syn.csv", rows("a,b,c", 120, i -> (i % 10) + "," + (i % 2 == 0 ? "x" : "never-seen") + ","));
        QualityReport r = QualityEvaluator.builder().build().evaluate(trn, hol, syn);
        assertThat(r.warnings()).anyMatch(w -> w.contains("'c' is entirely missing"));
        // c is missing everywhere: one (n/a) bin, perfect accuracy.
        assertThat(r.fidelity().univariate().stream().filter(t -> t.columns().get(0).equals("c")).findFirst().orElseThrow().accuracy())
                .isEqualTo(1.0);
        // the unseen category falls into (other), so b's accuracy drops by its share (half the rows).
        var b = r.fidelity().binCounts().get("b");
        assertThat(b.synthetic()[b.labels().indexOf("(other)")]).isEqualTo(60);
        assertThat(Double.isFinite(r.similarity().trainingSynthetic())).isTrue();
    }

    @Test
    void freeTextColumnsAreFlagged() {
        EvalTable trn = table("trn.csv", rows("a,note", 100, i -> (i % 5) + ",note number " + i));
        QualityReport r = QualityEvaluator.builder().build().evaluate(trn, null, trn);
        assertThat(r.warnings()).anyMatch(w -> w.contains("'note' looks like free text"));
        assertThat(QualityEvaluator.looksLikeText(EvalColumn.categorical("x", new String[] {"a", "a", "b", "b"}))).isFalse();
    }
}
