package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.contract.UserSchemas;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/**
 * rules+student: the rules' values stand; the student fills what they left, unless its evidence lies where the rules
 * know better (a passage about an earlier examination, a phrase the rules read as another attribute) for an attribute
 * the rules read; an attribute the rules never read is the student's alone.
 */
class RulesAndStudentExtractorTest {
    /** A stand-in student that states given values with evidence at the first occurrence of given phrases. */
    private record Scripted(Schema schema, Map<String, Object> values, Map<String, String> at, double confidence) implements PathologyExtractor {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Extraction extract(Report report) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(schema);
            Map<String, Evidence> evidence = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                int start = report.text().indexOf(at.get(name));
                b.set(name, value);
                evidence.put(name, new Evidence(start, start + at.get(name).length(), confidence));
            });
            return new Extraction(report.id(), b.build(), evidence);
        }
    }

    private static Extraction both(Schema schema, String text, Map<String, Object> values, Map<String, String> at, double confidence) {
        PathologyExtractor rules = RuleBasedExtractor.builder().schema(schema).build();
        return new RulesAndStudentExtractor(rules, new Scripted(schema, values, at, confidence), 0.8).extract(Report.of("r", text, "fr"));
    }

    @Test
    void fillsWhatTheRulesLeftWhenConfidentAndOutsideWhatTheyKnowBetter() {
        Schema s = Schema.breastCancer();
        String text = "Tumorectomie droite.\nCarcinome infiltrant de type non spécifique, grade II.\nProlifération (MIB1) cotée à 20 pour cent.";
        Extraction rules = RuleBasedExtractor.builder().schema(s).build().extract(Report.of("r", text, "fr"));
        assertThat(rules.values().get("ki67_percent")).as("a phrasing the rules were never shown").isNull();

        Extraction filled = both(s, text, Map.of("ki67_percent", 20.0), Map.of("ki67_percent", "20 pour cent"), 0.95);
        assertThat(filled.values().get("ki67_percent")).isEqualTo(20.0);
        assertThat(filled.values().get("sbr_grade")).isEqualTo(rules.values().get("sbr_grade")).isEqualTo("2");
        assertThat(filled.evidence().get("ki67_percent").start()).isEqualTo(text.indexOf("20 pour cent"));

        assertThat(both(s, text, Map.of("ki67_percent", 20.0), Map.of("ki67_percent", "20 pour cent"), 0.5).values().get("ki67_percent"))
                .as("below min_confidence").isNull();
        // a value the rules read is not replaced by a stand-in that gives no second opinion on it
        assertThat(both(s, text, Map.of("sbr_grade", "3"), Map.of("sbr_grade", "grade II"), 0.99).values().get("sbr_grade")).isEqualTo("2");
    }

    @Test
    void refusesAValueFromAPassageAboutAnEarlierExamination() {
        Schema s = Schema.breastCancer();
        String text = "Rappel : microbiopsie antérieure (24B00455) : RE 95 %, Ki67 25 %.\nTumorectomie gauche : carcinome infiltrant de type "
                + "non spécifique, grade 2, 14 mm.";
        Extraction x = both(s, text, Map.of("ki67_percent", 25.0), Map.of("ki67_percent", "Ki67 25 %"), 0.99);
        assertThat(x.values().get("ki67_percent")).isNull();
        assertThat(x.values().get("tumor_size_mm")).isEqualTo(14.0);
    }

    @Test
    void refusesAValueThatRepeatsAResultRestatedFromAnEarlierSpecimen() {
        Schema s = Schema.breastCancer();
        String text = "Left breast wide local excision: invasive lobular carcinoma, grade 2, 19 mm.\n"
                + "Receptor status (performed on the core biopsy, reported separately): ER positive (Allred 8/8), PR positive (Allred 6/8), "
                + "HER2 negative (1+).\nSUMMARY\nLeft breast WLE: invasive lobular carcinoma, grade 2. ER+/PR+/HER2-.";
        Extraction rules = RuleBasedExtractor.create().extract(Report.of("r", text, "en"));
        assertThat(rules.values().get("pr_status")).isNull();
        Extraction x = new RulesAndStudentExtractor(RuleBasedExtractor.create(),
                new Scripted(s, Map.of("pr_status", "positive"), Map.of("pr_status", "PR+/"), 0.999), 0.8).extract(Report.of("r", text, "en"));
        assertThat(x.values().get("pr_status")).isNull();
    }

    @Test
    void refusesAValueOnAPhraseTheRulesReadAsAnotherAttribute() {
        Schema s = Schema.breastCancer();
        String text = "Curage axillaire gauche (niveaux I et II).\nDouze ganglions isolés, dont trois métastatiques (3N+/12N).";
        Extraction x = both(s, text, Map.of("sbr_grade", "2"), Map.of("sbr_grade", "Curage axillaire gauche (niveaux I et II)"), 0.999);
        assertThat(x.values().get("test_used_for_diagnosis")).isEqualTo("lymph_node_dissection");
        assertThat(x.values().get("sbr_grade")).isNull();
    }

    @Test
    void theStudentOverrulesANumberItIsSureIsNotTheValue() {
        // all capitals, no accents: the rules do not see "A 2,1 CM DE LA TUMEUR" as a distance and keep the larger size
        String text = "EXAMEN MACROSCOPIQUE:\nMICROBIOPSIES ECHOGUIDEES, SEIN GAUCHE.\nDIAGNOSTIC: CARCINOME LOBULAIRE INFILTRANT, "
                + "GRADE SBR 3, MESURANT 2 CM.\nPRESENCE D'UN SECOND FOYER, SATELLITE, DE 1,1 CM, A 2,1 CM DE LA TUMEUR.\n"
                + "ON NE RETROUVE PAS D'EMBOLE VASCULAIRE.";
        Report report = Report.of("r", text, "fr");
        RuleBasedExtractor rules = RuleBasedExtractor.create();
        Extraction ruled = rules.extract(report);
        assertThat(ruled.values().get("tumor_size_mm")).isEqualTo(21.0);
        StudentExtractor student = StudentTrainer.builder().seed(5).build().train(TrainingPairs.corpus(Schema.breastCancer(), 1500, 5)).extractor();
        Evidence at = ruled.evidence().get("tumor_size_mm");
        assertThat(student.numberProbability(report, "tumor_size_mm", at.start(), at.end(), 21.0)).isLessThan(RulesAndStudentExtractor.VETO_BELOW);
        Extraction own = student.extract(report);
        assertThat(own.values().get("tumor_size_mm")).isEqualTo(20.0);
        // this small student (1,500 pairs) is less sure of its 20 than the default min_confidence asks (0.80 on one
        // writer, 0.796 on the next): the veto is tested at 0.7
        assertThat(own.evidence().get("tumor_size_mm").confidence()).isGreaterThan(0.7);

        Extraction x = new RulesAndStudentExtractor(rules, student, 0.7).extract(report);
        assertThat(x.values().get("tumor_size_mm")).isEqualTo(20.0);
        assertThat(text.substring(x.evidence().get("tumor_size_mm").start())).startsWith("2 CM.");
        assertThat(x.values().get("sbr_grade")).isEqualTo(ruled.values().get("sbr_grade")).isEqualTo("3");
        // a number the student finds plausible stands, whatever the student reads itself
        assertThat(student.numberProbability(report, "tumor_size_mm", text.indexOf("2 CM."), text.indexOf("2 CM.") + 4, 20.0)).isGreaterThan(0.5);
        assertThat(student.numberProbability(report, "er_status", 0, text.length(), 2.0)).as("a coded attribute").isNaN();
    }

    /** A scripted student with an opinion on every number: {@code opinion} for all of them. */
    private record Opinionated(Scripted scripted, double opinion) implements PathologyExtractor, NumberOpinion {
        @Override
        public String name() {
            return "opinionated";
        }

        @Override
        public Schema schema() {
            return scripted.schema();
        }

        @Override
        public Extraction extract(Report report) {
            return scripted.extract(report);
        }

        @Override
        public double numberProbability(Report report, String attribute, int start, int end, double value) {
            return opinion;
        }
    }

    @Test
    void aNumberTheRulesReadForAnotherAttributeOverrulesNothing() {
        Schema s = Schema.breastCancer();
        String text = "Tumorectomie gauche : carcinome infiltrant de type non spécifique, grade 2, 19 mm.\n"
                + "Deux ganglions sentinelles, indemnes (0/2).\nCommentaire : discuté en RCP.";
        PathologyExtractor rules = RuleBasedExtractor.builder().schema(s).build();
        Report report = Report.of("r", text, "fr");
        Extraction ruled = rules.extract(report);
        assertThat(ruled.values().get("lymph_nodes_taken")).isEqualTo(2);
        assertThat(ruled.values().get("lymph_nodes_affected")).isEqualTo(0);
        // a student sure the involved count is 2, the rules' count of nodes taken, and doubting their 0: the 0 stays
        Scripted confused = new Scripted(s, Map.of("lymph_nodes_affected", 2), Map.of("lymph_nodes_affected", "Commentaire"), 0.99);
        Extraction kept = new RulesAndStudentExtractor(rules, new Opinionated(confused, 0.001), 0.8).extract(report);
        assertThat(kept.values().get("lymph_nodes_affected")).isEqualTo(0);
        // a value the rules read for no other attribute still overrules
        Scripted other = new Scripted(s, Map.of("lymph_nodes_affected", 1), Map.of("lymph_nodes_affected", "Commentaire"), 0.99);
        assertThat(new RulesAndStudentExtractor(rules, new Opinionated(other, 0.001), 0.8).extract(report).values().get("lymph_nodes_affected"))
                .isEqualTo(1);
    }

    @Test
    void anOverruledNumberStaysWhenTheReplacementIsRefused() {
        Schema s = Schema.breastCancer();
        String text = "Rappel : microbiopsie antérieure (24B00455) : carcinome de 12 mm.\nTumorectomie gauche : carcinome infiltrant de type "
                + "non spécifique, grade 2, 14 mm.";
        PathologyExtractor rules = RuleBasedExtractor.builder().schema(s).build();
        Report report = Report.of("r", text, "fr");
        assertThat(rules.extract(report).values().get("tumor_size_mm")).isEqualTo(14.0);
        // the student doubts the rules' 14 but its own 12 lies in the passage about the earlier biopsy: refused, 14 stays
        Scripted fromHistory = new Scripted(s, Map.of("tumor_size_mm", 12.0), Map.of("tumor_size_mm", "12 mm"), 0.99);
        Extraction kept = new RulesAndStudentExtractor(rules, new Opinionated(fromHistory, 0.001), 0.8).extract(report);
        assertThat(kept.values().get("tumor_size_mm")).isEqualTo(14.0);
        assertThat(kept.evidence().get("tumor_size_mm")).isEqualTo(rules.extract(report).evidence().get("tumor_size_mm"));
        // the same doubt with its value in the current specimen overrules
        String current = text.replace("carcinome de 12 mm", "carcinome");
        current = current.replace("grade 2, 14 mm.", "grade 2, 14 mm (13 mm en histologie).");
        Report now = Report.of("r", current, "fr");
        Scripted inSpecimen = new Scripted(s, Map.of("tumor_size_mm", 13.0), Map.of("tumor_size_mm", "13 mm"), 0.99);
        assertThat(new RulesAndStudentExtractor(rules, new Opinionated(inSpecimen, 0.001), 0.8).extract(now).values().get("tumor_size_mm"))
                .isEqualTo(13.0);
        assertThat(new RulesAndStudentExtractor(rules, new Opinionated(inSpecimen, 0.5), 0.8).extract(now).values().get("tumor_size_mm"))
                .as("a number the student finds plausible stands").isEqualTo(rules.extract(now).values().get("tumor_size_mm"));
    }

    @Test
    void anAttributeTheRulesNeverReadIsTheStudentsAlone() {
        Schema s = UserSchemas.breastCancerWithLaterality();
        String text = "Rappel : carcinome du sein gauche diagnostiqué sur microbiopsie.\nMastectomie gauche : carcinome lobulaire infiltrant.";
        // the evidence lies both in the history and on the procedure the rules read: it is still taken
        Extraction fromHistory = both(s, text, Map.of("laterality", "left"), Map.of("laterality", "sein gauche"), 0.9);
        assertThat(fromHistory.values().get("laterality")).isEqualTo("left");
        Extraction onProcedure = both(s, text, Map.of("laterality", "left"), Map.of("laterality", "Mastectomie gauche"), 0.9);
        assertThat(onProcedure.values().get("laterality")).isEqualTo("left");
        assertThat(onProcedure.values().get("test_used_for_diagnosis")).isEqualTo("mastectomy");
    }

    @Test
    void schemasAndConfidenceAreChecked() {
        PathologyExtractor rules = RuleBasedExtractor.create();
        Scripted student = new Scripted(Schema.breastCancer(), Map.of(), Map.of(), 1);
        assertThatThrownBy(() -> new RulesAndStudentExtractor(rules, student, 1.5)).hasMessageContaining("min_confidence");
    }
}
