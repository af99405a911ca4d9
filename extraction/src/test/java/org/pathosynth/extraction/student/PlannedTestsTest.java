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
        assertThat(at("HER2 non refait.", "HER2")).as("a test not done again").isTrue();
        assertThat(at("Le statut HER2 n'a pas été réévalué sur le reliquat.", "statut")).isTrue();
    }

    @Test
    void aResultWhoseSettlingTestIsPlannedNextIsOpen() {
        assertThat(at("HER2 : score 2+, SISH en attente.", "HER2")).isTrue();
        assertThat(at("HER2 ...................... 2+, hybridation in situ en cours", "HER2")).as("leader dots run on").isTrue();
        assertThat(at("HER2 : score 2+ (marquage membranaire complet, faible, dans 30 % des cellules). Une hybridation in situ (FISH) "
                + "est demandée ; le résultat fera l'objet d'un compte rendu complémentaire.", "HER2")).isTrue();
        assertThat(at("- HER2 (IHC): Equivocal (2+). Reflex FISH has been requested; results will follow in an addendum.", "HER2")).isTrue();
        assertThat(at("HER2 IHC: 2+; ISH pending.", "HER2")).isTrue();
        assertThat(at("HER2 IHC (4B5): Equivocal (2+). Reflex HER2 FISH has been ordered.", "HER2")).isTrue();
        assertThat(at("RP positifs (70 %). Étude de HER2 en cours.", "RP")).as("another test planned").isFalse();
        assertThat(at("HER2 : score 2+\nFISH en cours.", "HER2")).as("the next line is another statement").isFalse();
        assertThat(at("HER2 2+, amplifié en FISH (ratio 2,8).", "HER2")).as("settled").isFalse();
        assertThat(at("HER2 : score 3+. Pas de FISH nécessaire.", "HER2")).as("nothing planned").isFalse();
        assertThat(at("RE 95 %, RP 70 %, HER2 2+ → FISH en cours.", "RP")).as("the settling test of the next result").isFalse();
        assertThat(at("Ki-67 10 %. Recherche du réarrangement de MYB (FISH) : demandée.", "Ki-67")).as("named further on").isFalse();
        assertThat(at("Ki-67 labelling index of 75%. HER2: FISH pending.", "Ki-67")).as("another test's settling test").isFalse();
        assertThat(at("RP : 100 % ; index de prolifération (Ki-67) de 15 %. HER2: amplification en cours par FISH.", "index"))
                .as("another test's settling test").isFalse();
        assertThat(at("Emboles ........ non, FISH demandée.", "Emboles")).as("only the result the ISH settles waits").isFalse();
        assertThat(at("Taille : 18 mm. FISH en cours.", "Taille")).isFalse();
        assertThat(at("ER positive (90%). Reflex FISH for HER2 has been requested.", "ER")).isFalse();
        assertThat(at("Ki-67 : 30 %. Une hybridation in situ pour HER2 est demandée.", "Ki-67")).isFalse();
        assertThat(at("HER2 : 2+ (équivoque) ; Ki-67 : 20 % ; FISH en cours.", "Ki-67")).isFalse();
        assertThat(at("HER2 : 2+ (équivoque) ; Ki-67 : 20 % ; FISH en cours.", "HER2")).as("the next statement is Ki-67's").isFalse();
        // a settling test not done, or not needed, leaves the result as it is
        assertThat(at("HER2: 3+ (positive). FISH not performed.", "HER2")).isFalse();
        assertThat(at("HER2 IHC: 0 (negative); ISH not performed.", "HER2")).isFalse();
        assertThat(at("HER2 : score 1+ (négatif) ; FISH non demandée.", "HER2")).isFalse();
        assertThat(at("HER2 : score 3+ (positif), hybridation in situ non réalisée.", "HER2")).isFalse();
        // an ellipsis or a doubled stop ends its sentence; a wrapped line goes on
        assertThat(at("HER2 : 3+ (positif)... Ki-67 à venir.", "HER2")).isFalse();
        assertThat(at("HER2 : 3+ (positif).. Ki-67 à venir.", "HER2")).isFalse();
        assertThat(at("HER2 : score 2+ (équivoque) ;\nhybridation in situ en cours.", "HER2")).isTrue();
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
