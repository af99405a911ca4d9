package org.pathosynth.extraction.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

class CorpusFiltersTest {
    static final Schema SCHEMA = Schema.breastCancer();
    static final String A = "Microbiopsie du sein droit. Carcinome infiltrant de type non spécifique, grade SBR 2. Taille tumorale de 18 mm. "
            + "Absence d'emboles vasculaires. Récepteurs aux œstrogènes positifs à 90 %. HER2 score 0. Ki-67 à 15 %.";

    static ReportPair pair(String id, String text, Map<String, String> values) {
        return new ReportPair(id, ClinicalRecord.of(SCHEMA, values), Report.of(id, text, "fr"));
    }

    @Test
    void nearDuplicatesAreDroppedAgainstKeptReportsOnly() {
        NearDuplicateFilter f = NearDuplicateFilter.atSimilarity(0.7);
        String other = "Pièce de mastectomie gauche. Carcinome lobulaire infiltrant de grade 1, multifocal, le plus grand foyer "
                + "mesurant 32 mm. Marges saines. Curage axillaire : 2N+/14 avec rupture capsulaire. RE 100 %, RP 80 %.";
        List<ReportPair> corpus = List.of(pair("a", A, Map.of()), pair("b", A.replace("droit", "gauche"), Map.of()), pair("c", other, Map.of()));
        List<FilterDecision> d = f.judgeAll(corpus);
        assertThat(d).extracting(FilterDecision::accepted).containsExactly(true, false, true);
        // a category, not "93% similar to a": the filter chain counts rejections per reason
        assertThat(d.get(1).reasons()).containsExactly("similar to a kept report");
        assertThat(d.get(1).filter()).isEqualTo("near-duplicate");
        assertThat(f.similarity(A, A)).isEqualTo(1.0);
        assertThat(f.similarity(A, other)).isLessThan(0.2);
        assertThat(f.judgeAll(corpus)).as("each call starts afresh").isEqualTo(d);
    }

    @Test
    void aReportDroppedByAnotherFilterNoLongerBlocksItsNearDuplicates() {
        // "x" states grade 3 for a grade-2 record: round-trip drops it. Its near-duplicate "y" is faithful and must stay,
        // although it comes after "x" (a stateful near-duplicate filter run before round-trip used to drop both).
        String x = A.replace("grade SBR 2", "grade SBR 3");
        ReportPair wrong = pair("x", x, Map.of("sbr_grade", "2", "tumor_size_mm", "18"));
        ReportPair faithful = pair("y", A, Map.of("sbr_grade", "2", "tumor_size_mm", "18"));
        assertThat(NearDuplicateFilter.atSimilarity(0.8).similarity(x, A)).isGreaterThanOrEqualTo(0.8);
        FilterChain chain = FilterChain.of(List.of(RoundTripFilter.of(RuleBasedExtractor.create())), List.of(NearDuplicateFilter.atSimilarity(0.8)));
        FilterChain.Outcome out = chain.apply(List.of(wrong, faithful));
        assertThat(out.kept()).extracting(ReportPair::id).containsExactly("y");
        assertThat(out.rejectedByFilter()).containsExactly(Map.entry("round-trip", 1));
    }

    @Test
    void lengthAndLanguageChecks() {
        assertThat(LengthFilter.words(10, 100).judge(pair("s", "Carcinome grade 2.", Map.of())).reasons())
                .containsExactly("shorter than 10 words");
        assertThat(LengthFilter.words(10, 100).judge(pair("ok", A, Map.of())).accepted()).isTrue();
        assertThat(LanguageFilter.expecting("fr").judge(pair("fr", A, Map.of())).accepted()).isTrue();
        String english = "Core biopsy of the right breast. Invasive carcinome of no special type, grade 2, with no lymphovascular invasion.";
        FilterDecision d = LanguageFilter.expecting("fr").judge(pair("en", english, Map.of()));
        assertThat(d.accepted()).isFalse();
        assertThat(d.reasons()).containsExactly("not written in fr");
        assertThat(LanguageFilter.expecting("en").judge(pair("en", english, Map.of())).accepted()).isTrue();
    }

    @Test
    void roundTripCanRequireAttributesAndCompositionCountsWhy() {
        RoundTripFilter lenient = RoundTripFilter.of(RuleBasedExtractor.create(), 0.5);
        ReportPair wrongGrade = pair("w", A, Map.of("sbr_grade", "3", "tumor_size_mm", "18", "er_status", "positive"));
        assertThat(lenient.judge(wrongGrade).accepted()).isTrue(); // 2 of 3 read back
        assertThat(lenient.requiring("sbr_grade").judge(wrongGrade).accepted()).isFalse();

        var filter = FilterChain.of(List.of(LengthFilter.words(5, 500), LanguageFilter.expecting("fr"), RoundTripFilter.of(RuleBasedExtractor.create())),
                List.of(NearDuplicateFilter.atSimilarity(0.8)));
        List<ReportPair> corpus = List.of(
                pair("1", A, Map.of("sbr_grade", "2", "tumor_size_mm", "18")),
                pair("2", A, Map.of("sbr_grade", "2", "tumor_size_mm", "18")), // duplicate
                pair("3", "Trop court.", Map.of()),
                pair("4", A.replace("18 mm", "21 mm").replace("droit", "gauche").replace("grade SBR 2", "grade SBR 3")
                        .replace("90 %", "70 %"), Map.of("sbr_grade", "2")), // states grade 3 for a grade-2 record
                pair("5", "Breast core biopsy: invasive carcinoma, grade 3, the tumour is 12 mm, no lymphovascular invasion.", Map.of()));
        FilterChain.Outcome out = filter.apply(corpus);
        assertThat(out.kept()).extracting(ReportPair::id).containsExactly("1");
        assertThat(out.rejected()).isEqualTo(4);
        assertThat(out.rejectedByFilter()).containsEntry("near-duplicate", 1).containsEntry("length", 1)
                .containsEntry("round-trip", 1).containsEntry("language", 1);
        assertThat(out.reasons()).containsEntry("near-duplicate: similar to a kept report", 1)
                .containsEntry("round-trip: sbr_grade: read a different value", 1);
    }
}
