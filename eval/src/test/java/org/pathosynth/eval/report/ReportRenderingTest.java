package org.pathosynth.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the reports put figures in front of a reader: framed pages, undefined scores. */
class ReportRenderingTest {
    @Test
    void aReportInAFrameKeepsItsStylesToItself() {
        String page = "<!DOCTYPE html><html><head><style>body{color:red}</style></head><body class=\"x\">R&D</body></html>";
        String framed = QualityReportHtml.inFrame(page, 600);
        assertThat(framed).startsWith("<iframe ").endsWith("></iframe>").contains("height='600'")
                .contains("srcdoc=\"&lt;!DOCTYPE html&gt;").contains("class=&quot;x&quot;", "R&amp;D").doesNotContain("<style>");
    }

    @Test
    void anAttributeWithNothingToFindReadsDashesNotZeroesBesideItsAccuracy() {
        org.pathosynth.core.schema.Schema schema = org.pathosynth.core.schema.Schema.breastCancer();
        org.pathosynth.core.data.ClinicalRecord gold = org.pathosynth.core.data.ClinicalRecord.builder(schema).set("sbr_grade", "2").build();
        org.pathosynth.core.data.ClinicalRecord read = org.pathosynth.core.data.ClinicalRecord.builder(schema).set("sbr_grade", "2").build();
        var scores = org.pathosynth.eval.extraction.ExtractionScorer.score(schema, java.util.List.of(gold), java.util.List.of(read));
        String table = QualityReportConsole.extraction(scores);
        String size = table.lines().filter(l -> l.startsWith("tumor_size_mm")).findFirst().orElseThrow();
        assertThat(size.split("\\s+")).containsExactly("tumor_size_mm", "1.000", "-", "-", "-", "-");
        String grade = table.lines().filter(l -> l.startsWith("sbr_grade")).findFirst().orElseThrow();
        assertThat(grade.split("\\s+")).containsExactly("sbr_grade", "1.000", "1.000", "1.000", "1.000", "1.000");
        assertThat(scores.perAttribute().get("tumor_size_mm").presence().f1()).as("the number itself stays scikit-learn's").isZero();
    }
}
