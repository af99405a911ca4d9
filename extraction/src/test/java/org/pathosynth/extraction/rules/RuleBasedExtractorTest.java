package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.report.Report;

class RuleBasedExtractorTest {
    private static final RuleBasedExtractor EXTRACTOR = RuleBasedExtractor.create();

    private static Extraction fr(String text) {
        return EXTRACTOR.extract(Report.of("t", text, "fr"));
    }

    private static Extraction en(String text) {
        return EXTRACTOR.extract(Report.of("t", text, "en"));
    }

    private static Object value(Extraction e, String attribute) {
        return e.values().get(attribute);
    }

    @Test
    void readsTheVocabularyExampleC() {
        Extraction e = fr("Mastectomie gauche et curage axillaire : CI-TNS multifocal, foyer principal 32 mm, SBR III (3+3+3), "
                + "nombreux emboles lymphatiques péritumoraux, limites saines (marge profonde 6 mm), 3N+/14 dont 1 avec "
                + "rupture capsulaire. RE 0 %, RP < 1 %, HER2 2+ ; SISH : amplifié (ratio HER2/CEP17 = 3,4). Ki67 60 %. pT2(m) pN1a.");
        assertThat(value(e, "test_used_for_diagnosis")).isEqualTo("mastectomy");
        assertThat(value(e, "morphology_icdo")).isEqualTo("8500/3");
        assertThat(value(e, "sbr_grade")).isEqualTo("3");
        assertThat(value(e, "tumor_size_mm")).isEqualTo(32.0);
        assertThat(value(e, "clear_margins")).isEqualTo(true);
        assertThat(value(e, "lymph_nodes_taken")).isEqualTo(14);
        assertThat(value(e, "lymph_nodes_affected")).isEqualTo(3);
        assertThat(value(e, "lymphovascular_invasion")).isEqualTo(true);
        assertThat(value(e, "extracapsular_spread")).isEqualTo(true);
        assertThat(value(e, "er_status")).isEqualTo("negative");
        assertThat(value(e, "pr_status")).isEqualTo("negative");
        assertThat(value(e, "her2_status")).isEqualTo("positive");
        assertThat(value(e, "ki67_percent")).isEqualTo(60.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Absence d'emboles vasculaires.|false",
            "Pas d'embole vasculaire identifié.|false",
            "Emboles vasculaires : non vus.|false",
            "Présence d'emboles lymphovasculaires.|true",
            "Emboles : présents.|true",
            "No lymphovascular invasion.|false",
            "Lymphovascular invasion is present.|true",
            "LVI: not identified.|false"})
    void lymphovascularInvasionWithNegation(String text, boolean expected) {
        assertThat(value(fr(text), "lymphovascular_invasion")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pas de rupture capsulaire|false",
            "2N+/5 sans rupture capsulaire|false",
            "avec effraction capsulaire|true",
            "Rupture capsulaire : absente|false",
            "without extracapsular extension|false",
            "extracapsular extension present|true"})
    void extracapsularSpreadWithNegation(String text, boolean expected) {
        assertThat(value(fr(text), "extracapsular_spread")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Carcinome mesurant 2,8 cm.|28.0",
            "Taille tumorale : 18 mm.|18.0",
            "Lésion de 1,5 cm de grand axe.|15.0",
            "Tumeur mesurant 18 x 15 x 12 mm.|18.0",
            "Tumour measuring 2.25 cm.|22.0"})
    void sizesAreConvertedToMillimetres(String text, double mm) {
        assertThat(value(fr(text), "tumor_size_mm")).isEqualTo(mm);
    }

    @Test
    void specimenAndMarginDistancesAreNotTumourSizes() {
        Extraction e = fr("Pièce de tumorectomie de 60 x 45 x 30 mm. Carcinome à 4 mm de la berge inférieure.");
        assertThat(value(e, "tumor_size_mm")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "grade II de Elston et Ellis|2",
            "SBR II (3-2-3)|2",
            "Grade histopronostique (Elston et Ellis) : III (3+3+2)|3",
            "Nottingham grade 2 (3+2+1)|2",
            "grade EE 1|1",
            "Grade SBR modifié : 1|1"})
    void gradeWithSubScores(String text, String grade) {
        assertThat(value(fr(text), "sbr_grade")).isEqualTo(grade);
    }

    @Test
    void nuclearGradeOfInSituComponentIsNotTheGrade() {
        assertThat(value(fr("Composante de CCIS de grade nucléaire 3."), "sbr_grade")).isNull();
        assertThat(value(en("DCIS, nuclear grade 3."), "sbr_grade")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0N+/3|0|3",
            "pN1a (2/14)|2|14",
            "1N+/12|1|12",
            "deux ganglions envahis sur douze examinés|2|12",
            "0/3 sentinel nodes|0|3",
            "3 of 15 lymph nodes involved|3|15"})
    void nodeNotations(String text, int affected, int taken) {
        Extraction e = fr(text);
        assertThat(value(e, "lymph_nodes_affected")).isEqualTo(affected);
        assertThat(value(e, "lymph_nodes_taken")).isEqualTo(taken);
    }

    @Test
    void datesThatLookLikeRatiosAreNotNodeCounts() {
        Extraction e = fr("Prélèvement du 1/12, reçu le 3/12.");
        assertThat(value(e, "lymph_nodes_taken")).isNull();
        assertThat(value(e, "lymph_nodes_affected")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HER2 score 3+|positive",
            "HER2 : 2+, amplifié en FISH|positive",
            "HER2 2+, non amplifié en FISH|negative",
            "HER2 1+|negative",
            "HER2 : 0|negative",
            "absence de surexpression de HER2 (score 1+)|negative",
            "HER2 2+ (équivoque), HIS en cours|",
            "HER2 2+, amplified by FISH|positive"})
    void her2FromIhcAndIsh(String text, String expected) {
        assertThat(value(fr(text), "her2_status")).isEqualTo(expected);
    }

    @Test
    void receptorPercentagesUseTheLanguageThreshold() {
        assertThat(value(fr("RE : 5 %."), "er_status")).isEqualTo("negative");
        assertThat(value(en("ER: 5%."), "er_status")).isEqualTo("positive");
        assertThat(value(fr("RE : 90 %, RP : 0 %."), "pr_status")).isEqualTo("negative");
        assertThat(value(fr("RE+ RP-"), "er_status")).isEqualTo("positive");
        assertThat(value(fr("RE+ RP-"), "pr_status")).isEqualTo("negative");
        RuleBasedExtractor usThreshold = RuleBasedExtractor.builder().receptorThresholds(1, 1).build();
        assertThat(usThreshold.extract(Report.of("t", "RE : 5 %.", "fr")).values().get("er_status")).isEqualTo("positive");
    }

    @Test
    void priorBiopsyMentionDoesNotDecideTheSpecimen() {
        Extraction e = fr("Tumorectomie droite. Rappel : microbiopsies antérieures ayant montré un carcinome.");
        assertThat(value(e, "test_used_for_diagnosis")).isEqualTo("lumpectomy");
        assertThat(value(fr("Biopsie chirurgicale du sein gauche."), "test_used_for_diagnosis")).isEqualTo("surgical_excision");
        assertThat(value(fr("Microbiopsies échoguidées."), "test_used_for_diagnosis")).isEqualTo("biopsy");
    }

    @Test
    void evidenceSpansPointIntoTheOriginalAccentedText() {
        String text = "Récepteurs aux œstrogènes\u202F: positifs (90\u202F%). Limites d’exérèse saines. Ki-67\u00A0: 15\u202F%.";
        Extraction e = fr(text);
        assertThat(value(e, "er_status")).isEqualTo("positive");
        assertThat(value(e, "clear_margins")).isEqualTo(true);
        Evidence er = e.evidence().get("er_status");
        assertThat(er.quote(text)).isEqualTo("Récepteurs aux œstrogènes\u202F: positifs");
        assertThat(e.evidence().get("clear_margins").quote(text)).isEqualTo("Limites d’exérèse saines");
        assertThat(e.evidence().get("ki67_percent").quote(text)).isEqualTo("Ki-67\u00A0: 15\u202F%");
        assertThat(e.evidence()).doesNotContainKey("her2_status");
    }

    @Test
    void unstatedAttributesStayNull() {
        Extraction e = fr("Examen macroscopique sans particularité.");
        assertThat(e.values().nonNullCount()).isZero();
        assertThat(e.evidence()).isEmpty();
    }
}
