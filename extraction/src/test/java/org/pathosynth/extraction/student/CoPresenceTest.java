package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/** What the training records never state apart is learnt from them alone, and the student's readings keep to it. */
class CoPresenceTest {
    private static final Schema S = Schema.breastCancer();

    /**
     * Records drawn like TrainingPairs (every attribute missing one time in seven, independently), except that
     * {@code dependent} is dropped whenever {@code on} is missing.
     */
    private static List<ReportPair> pairs(int n, String dependent, String on) {
        List<ReportPair> out = new ArrayList<>();
        for (ClinicalRecord r : TrainingPairs.records(S, n, 7)) {
            if (dependent != null && r.get(on) == null) {
                r = r.with(dependent, null);
            }
            out.add(new ReportPair("p" + out.size(), r, Report.of("p" + out.size(), "texte", "fr")));
        }
        return out;
    }

    @Test
    void learnsOnlyWhatTheRecordsNeverStateApart() {
        assertThat(CoPresence.learn(S, pairs(2000, "tumor_size_mm", "morphology_icdo")).describe())
                .containsExactly("tumor_size_mm only with morphology_icdo");
        assertThat(CoPresence.learn(S, pairs(2000, null, null)).describe()).as("independent gaps teach nothing").isEmpty();
        // 40 records: about 5 without a morphology, 4 sizes expected among them, under the 20 a zero needs to mean a rule
        assertThat(CoPresence.learn(S, pairs(40, "tumor_size_mm", "morphology_icdo")).describe()).as("too few to tell").isEmpty();
    }

    @Test
    void aSavedModelKeepsItsPairs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StudentModel trained = StudentTrainer.builder().seed(3).build().train(TrainingPairs.corpus(S, 200, 3));
        StudentModel model = new StudentModel(S, trained.index(), trained.attributes(), trained.provenance(), trained.training(),
                CoPresence.learn(S, pairs(2000, "tumor_size_mm", "morphology_icdo")));
        model.save(dir.resolve("m.bin"));
        StudentModel loaded = StudentModel.load(dir.resolve("m.bin"));
        assertThat(loaded.coPresenceRules()).containsExactly("tumor_size_mm only with morphology_icdo");
        assertThat(loaded.describe()).contains("tumor_size_mm", "co_presence");
        Report noCarcinomaNamed = Report.of("r", "Tumorectomie du sein droit. Taille tumorale : 25 mm. Récepteurs aux œstrogènes positifs.", "fr");
        assertThat(trained.extractor().extract(noCarcinomaNamed).values().get("tumor_size_mm")).as("without the pair").isEqualTo(25.0);
        assertThat(loaded.extractor().extract(noCarcinomaNamed).values().get("tumor_size_mm")).isNull();
        assertThat(loaded.extractor().extract(noCarcinomaNamed).values().get("er_status")).isEqualTo("positive");
    }

    @Test
    void dropsAValueWhoseCompanionWasNotReadAndItsEvidence() {
        CoPresence c = CoPresence.learn(S, pairs(2000, "tumor_size_mm", "morphology_icdo"));
        ClinicalRecord read = ClinicalRecord.builder(S).set("tumor_size_mm", 35.0).set("er_status", "positive").build();
        Map<String, Evidence> evidence = new LinkedHashMap<>(Map.of("tumor_size_mm", new Evidence(0, 5, 0.9),
                "er_status", new Evidence(6, 9, 0.9)));
        ClinicalRecord kept = c.apply(read, evidence);
        assertThat(kept.get("tumor_size_mm")).isNull();
        assertThat(kept.get("er_status")).isEqualTo("positive");
        assertThat(evidence).containsOnlyKeys("er_status");
        ClinicalRecord both = read.with("morphology_icdo", "8500/3");
        assertThat(c.apply(both, new LinkedHashMap<>())).isEqualTo(both);
        assertThat(CoPresence.fromJson(c.toJson(), S).describe()).isEqualTo(c.describe());
        assertThat(CoPresence.fromJson(null, S).describe()).as("a model of format 3 has none").isEmpty();
        assertThatThrownBy(() -> CoPresence.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("[[\"laterality\", \"sbr_grade\"]]"), S))
                .hasMessageContaining("laterality");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThatThrownBy(() -> CoPresence.fromJson(json.readTree("{\"a\": 1}"), S)).hasMessageContaining("not a list");
        assertThatThrownBy(() -> CoPresence.fromJson(json.readTree("[[\"tumor_size_mm\"]]"), S)).hasMessageContaining("pair of names");
    }
}
