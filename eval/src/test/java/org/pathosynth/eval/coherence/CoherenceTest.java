package org.pathosynth.eval.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.junit.jupiter.api.Test;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.report.QualityReportConsole;
import org.pathosynth.eval.report.QualityReportHtml;
import org.pathosynth.eval.report.QualityReportJson;

class CoherenceTest {
    private static final Schema S = Schema.breastCancer();

    private static ClinicalRecord row(String test, Boolean margins) {
        ClinicalRecord.Builder b = ClinicalRecord.builder(S).set("test_used_for_diagnosis", test);
        if (margins != null) {
            b.set("clear_margins", margins);
        }
        return b.build();
    }

    @Test
    void eachTableSaysHowManyRowsBreakEachRuleAndTheReportShowsIt() {
        Table real = Table.of(S, List.of(row("biopsy", true), row("biopsy", null), row("lumpectomy", true), row("biopsy", false)));
        Table synthetic = Table.of(S, List.of(row("biopsy", null), row("mastectomy", true)));
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("training", real);
        tables.put("holdout", null);
        tables.put("synthetic", synthetic);
        Coherence c = Coherence.of(S, tables);
        String rule = "clear_margins, tumor_size_mm absent when test_used_for_diagnosis is biopsy";
        String inSitu = "sbr_grade, tumor_size_mm, lymphovascular_invasion absent when morphology_icdo is 8500/2 or 8520/2";
        assertThat(c.rules()).containsExactly(rule, inSitu);
        assertThat(c.tables().keySet()).containsExactly("training", "synthetic");
        assertThat(c.tables().get("training").coherentRows()).isEqualTo(2);
        assertThat(c.tables().get("training").rate()).isEqualTo(0.5);
        assertThat(c.tables().get("training").breaking()).containsEntry(rule, 2);
        assertThat(c.tables().get("synthetic").rate()).isEqualTo(1.0);

        EvalTable[] t = Conformance.tables("ds1_clean");
        QualityReport r = QualityEvaluator.builder().build().evaluate(t[0], t[1], t[2]).withCoherence(c);
        assertThat(QualityReportConsole.render(r)).contains("coherence (rows keeping the schema's 2 rules): training 50.0 %, synthetic 100.0 %\n"
                + "  training: 2 of 4 rows break \"" + rule + "\"");
        assertThat(QualityReportHtml.render(r, "t")).contains("<h2>Clinical coherence</h2>", "<td>2 of 4</td><td>0 of 2</td>",
                "<td><b>50.0 %</b></td><td><b>100.0 %</b></td>");
        assertThat(QualityReportJson.toJson(r).get("coherence").get("tables").get("training").get("coherent_rows").asInt()).isEqualTo(2);
        assertThat(Coherence.of(new Schema("none", "", S.attributes(), S.constraints()), tables)).isNull();
    }
}
