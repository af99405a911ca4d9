package org.pathosynth.extraction.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.Filters;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/** The filters of this module found by name, with their options. */
class FilterProvidersTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final ComponentContext FRENCH = ComponentContext.of(SCHEMA, "fr");

    private static ReportPair pair(String id, String text, Map<String, String> values) {
        return new ReportPair(id, ClinicalRecord.of(SCHEMA, values), Report.of(id, text, "fr"));
    }

    @Test
    void everyFilterIsFoundByNameAndPairFiltersRunBeforeCorpusFilters() {
        assertThat(Filters.names()).contains("length", "language", "round-trip", "near-duplicate");
        FilterChain chain = Filters.chain(List.of("near-duplicate", "length", "language", "round-trip"), FRENCH);
        assertThat(chain.names()).containsExactly("length", "language", "round-trip", "near-duplicate");
    }

    @Test
    void defaultsAreThoseOfTheOptionsRecords() {
        FilterChain chain = Filters.chain(List.of("length", "language", "near-duplicate", "round-trip"), FRENCH);
        String a = CorpusFiltersTest.A;
        List<ReportPair> corpus = List.of(
                pair("1", a, Map.of("sbr_grade", "2", "tumor_size_mm", "18")),
                pair("2", a, Map.of("sbr_grade", "2")), // a duplicate
                pair("3", "Carcinome infiltrant, grade 2, de 18 mm, sans emboles.", Map.of()), // 9 words < 15
                pair("4", "Core biopsy of the right breast: invasive carcinoma of no special type, grade 2, 18 mm, with no "
                        + "lymphovascular invasion, ER positive and HER2 negative.", Map.of()), // English in a French run
                pair("5", a.replace("18 mm", "21 mm").replace("droit", "gauche"), Map.of("tumor_size_mm", "18"))); // reads 21
        FilterChain.Outcome out = chain.apply(corpus);
        assertThat(out.kept()).extracting(ReportPair::id).containsExactly("1");
        assertThat(out.rejectedByFilter()).containsExactly(Map.entry("language", 1), Map.entry("length", 1),
                Map.entry("near-duplicate", 1), Map.entry("round-trip", 1));
        assertThat(out.reasons()).containsEntry("length: shorter than 15 words", 1)
                .containsEntry("near-duplicate: similar to a kept report", 1)
                .containsEntry("round-trip: tumor_size_mm: read a different value", 1);
    }

    @Test
    void optionsAreBoundByTheirSnakeCaseNames() {
        Map<String, Map<String, ?>> options = Map.of("length", Map.of("min_words", 5, "max_words", 10),
                "round-trip", Map.of("min_recovered", 0.5), "near-duplicate", Map.of("threshold", 0.99));
        FilterChain chain = Filters.chain(List.of("length", "round-trip", "near-duplicate"), options, FRENCH);
        List<ReportPair> corpus = List.of(
                pair("short", "Carcinome infiltrant de grade 2.", Map.of()), // 5 words: kept at min_words 5
                pair("long", CorpusFiltersTest.A, Map.of()), // over 10 words
                pair("half", "Carcinome infiltrant, grade 2, taille de 18 mm.", Map.of("sbr_grade", "2", "tumor_size_mm", "21")));
        assertThat(chain.apply(corpus).kept()).extracting(ReportPair::id).containsExactly("short", "half");
    }

    @Test
    void badOptionsAndArgumentsAreOneLineNamingThem() {
        assertThatThrownBy(() -> Filters.chain(List.of("near-duplicate"), Map.of("near-duplicate", Map.of("threshold", 0)), FRENCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold must be in (0, 1], got 0");
        assertThatThrownBy(() -> Filters.chain(List.of("length"), Map.of("length", Map.of("min_words", 20, "max_words", 10)), FRENCH))
                .hasMessageContaining("max_words must be >= min_words (20), got 10");
        assertThatThrownBy(() -> Filters.chain(List.of("round-trip"), Map.of("round-trip", Map.of("min_recovered", 1.5)), FRENCH))
                .hasMessageContaining("min_recovered must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Filters.chain(List.of("length:30"), FRENCH)).hasMessageContaining("unknown filter 'length:30'");
        assertThatThrownBy(() -> Filters.chain(List.of("language"), ComponentContext.of(SCHEMA, "de")))
                .hasMessageContaining("language must be fr or en, got 'de'");
    }
}
