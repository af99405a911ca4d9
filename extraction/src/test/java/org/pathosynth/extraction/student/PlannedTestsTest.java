package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/** A planned, requested or pending test gives the student no value, whatever words stand near it. */
class PlannedTestsTest {
    private static final PlannedTests PLANNED = PlannedTests.shipped();

    private static boolean at(String text, String where) {
        return PLANNED.inPlannedStatement(text, text.indexOf(where));
    }

    @Test
    void theStatementAroundTheEvidenceDecidesNotTheSentence() {
        assertThat(at("Statut HER2 en attente (score 2+, HIS demandée).", "Statut")).isTrue();
        assertThat(at("Étude immunohistochimique (RH, HER2, Ki67) en cours.", "Étude")).isTrue();
        assertThat(at("Conclusion : CCI NST de 28 mm, grade 2. Statut HER2 à préciser.", "Statut")).isTrue();
        assertThat(at("HER2 status to follow in an addendum.", "HER2")).isTrue();
        assertThat(at("RE positif, HER2 négatif, Ki67 à venir.", "HER2")).isFalse();
        assertThat(at("RE positif, HER2 négatif, Ki67 à venir.", "Ki67")).isTrue();
        assertThat(at("RP POSITIFS (70 %). ETUDE DE HER2 EN COURS.", "RP")).as("the next sentence is not about it").isFalse();
        assertThat(at("HER2 score 3+ (positive).", "HER2")).isFalse();
        assertThat(at("Étude immunohistochimique (RH, HER2, Ki67) en cours.", "HER2")).as("inside the brackets too").isTrue();
        assertThat(at("Taille 1,5 cm, emboles absents.", "5 cm")).isFalse();
    }

    @Test
    void aTrainedStudentReadsNoPendingResult() {
        Schema s = Schema.breastCancer();
        StudentExtractor student = StudentTrainer.builder().seed(5).build().train(TrainingPairs.corpus(s, 800, 3)).extractor();
        String done = "Microbiopsie du sein droit : carcinome infiltrant de type non spécifique, grade 3. RE négatifs, RP négatifs. "
                + "Statut HER2 : positif (score 3+).";
        assertThat(student.extract(Report.of("a", done, "fr")).values().get("her2_status")).as("the same words, done").isEqualTo("positive");
        String pending = done.replace("Statut HER2 : positif (score 3+).", "Statut HER2 en attente (score 2+, HIS demandée).");
        assertThat(student.extract(Report.of("b", pending, "fr")).values().get("her2_status")).isNull();
        assertThat(student.extract(Report.of("b", pending, "fr")).values().get("er_status")).isEqualTo("negative");
    }
}
