package org.pathosynth.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;

class CoherenceRuleTest {
    private static final Schema PRESET = Schema.breastCancer();

    @Test
    void thePresetSaysABiopsyStatesNoMarginsAndNoSizeAndAnInSituCarcinomaNoGradeSizeOrEmboli() {
        assertThat(PRESET.rules()).containsExactly(new AbsentWhen("test_used_for_diagnosis", List.of("biopsy"),
                List.of("clear_margins", "tumor_size_mm")), new AbsentWhen("morphology_icdo", List.of("8500/2", "8520/2"),
                List.of("sbr_grade", "tumor_size_mm", "lymphovascular_invasion")));
        assertThat(ClinicalRecord.of(PRESET, Map.of("morphology_icdo", "8500/2", "sbr_grade", "2")).incoherences()).hasSize(1);
        assertThat(ClinicalRecord.of(PRESET, Map.of("morphology_icdo", "8500/3", "sbr_grade", "2")).incoherences()).isEmpty();
        ClinicalRecord biopsy = ClinicalRecord.of(PRESET, Map.of("test_used_for_diagnosis", "biopsy", "clear_margins", "yes"));
        assertThat(biopsy.incoherences()).hasSize(1);
        assertThat(biopsy.incoherences().get(0).describe())
                .isEqualTo("clear_margins, tumor_size_mm absent when test_used_for_diagnosis is biopsy");
        assertThat(ClinicalRecord.of(PRESET, Map.of("test_used_for_diagnosis", "lumpectomy", "clear_margins", "yes")).incoherences()).isEmpty();
        assertThat(ClinicalRecord.of(PRESET, Map.of("test_used_for_diagnosis", "biopsy", "sbr_grade", "2")).incoherences()).isEmpty();
    }

    @Test
    void aCoherentTableBuilderBlanksWhatARuleSaysIsAbsentAndAPlainOneKeepsIt() {
        double[] row = new double[PRESET.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[PRESET.indexOf("test_used_for_diagnosis")] = PRESET.attribute("test_used_for_diagnosis").codeOf("biopsy");
        row[PRESET.indexOf("clear_margins")] = 1;
        row[PRESET.indexOf("tumor_size_mm")] = 12;
        row[PRESET.indexOf("sbr_grade")] = 1;
        Table coherent = Table.builder(PRESET).coherent().addEncoded(row).build();
        assertThat(coherent.record(0).get("clear_margins")).isNull();
        assertThat(coherent.record(0).get("tumor_size_mm")).isNull();
        assertThat(coherent.record(0).get("sbr_grade")).isEqualTo("2");
        assertThat(row[PRESET.indexOf("clear_margins")]).as("the caller's row is left as it was").isEqualTo(1);
        assertThat(Table.builder(PRESET).addEncoded(row).build().record(0).get("clear_margins")).isEqualTo(true);
        // records added to a coherent builder keep the rules too; a plain builder keeps them as they are
        ClinicalRecord inSitu = ClinicalRecord.of(PRESET, Map.of("morphology_icdo", "8520/2", "sbr_grade", "1", "er_status", "positive"));
        ClinicalRecord kept = Table.builder(PRESET).coherent().add(inSitu).build().record(0);
        assertThat(kept.get("sbr_grade")).isNull();
        assertThat(kept.get("er_status")).isEqualTo("positive");
        assertThat(kept.get("morphology_icdo")).isEqualTo("8520/2");
        assertThat(Table.builder(PRESET).add(inSitu).build().record(0).get("sbr_grade")).isEqualTo("1");
    }

    @Test
    void presentOnlyWithBlanksAValueWhoseRequiredValueIsMissing() {
        Schema s = new Schema("t", "", PRESET.attributes(), PRESET.constraints(),
                List.of(new PresentOnlyWith("lymph_nodes_affected", "lymph_nodes_taken")));
        assertThat(ClinicalRecord.of(s, Map.of("lymph_nodes_affected", 2)).incoherences()).hasSize(1);
        assertThat(ClinicalRecord.of(s, Map.of("lymph_nodes_affected", 2, "lymph_nodes_taken", 5)).incoherences()).isEmpty();
        double[] row = new double[s.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[s.indexOf("lymph_nodes_affected")] = 2;
        assertThat(Table.builder(s).coherent().addEncoded(row).build().record(0).get("lymph_nodes_affected")).isNull();
    }

    @Test
    void chainedRulesAreKeptWhateverTheirOrder() {
        Schema s = new Schema("t", "", PRESET.attributes(), PRESET.constraints(), List.of(
                new PresentOnlyWith("lymph_nodes_affected", "lymph_nodes_taken"),
                new AbsentWhen("test_used_for_diagnosis", List.of("biopsy"), List.of("lymph_nodes_taken"))));
        double[] row = new double[s.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[s.indexOf("test_used_for_diagnosis")] = s.attribute("test_used_for_diagnosis").codeOf("biopsy");
        row[s.indexOf("lymph_nodes_taken")] = 5;
        row[s.indexOf("lymph_nodes_affected")] = 2;
        ClinicalRecord r = Table.builder(s).coherent().addEncoded(row).build().record(0);
        assertThat(r.incoherences()).isEmpty();
        assertThat(r.get("lymph_nodes_affected")).isNull();
    }

    @Test
    void rulesAreReadAndWrittenWithTheSchemaAndBadOnesNamed() {
        Schema s = new Schema("t", "", PRESET.attributes(), PRESET.constraints(), List.of(PRESET.rules().get(0),
                new PresentOnlyWith("lymph_nodes_affected", "lymph_nodes_taken")));
        assertThat(Schema.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.without(List.of("clear_margins")).rules()).containsExactly(new PresentOnlyWith("lymph_nodes_affected", "lymph_nodes_taken"));
        String base = "{\"name\": \"x\", \"attributes\": [{\"name\": \"test\", \"kind\": \"categorical\", \"values\": [\"biopsy\", \"excision\"]},"
                + " {\"name\": \"margins\", \"kind\": \"boolean\"}], \"rules\": [RULE]}";
        assertThat(Schema.fromJson(base.replace("RULE", "{\"type\": \"absent_when\", \"attribute\": \"test\", \"values\": [\"biopsy\"],"
                + " \"absent\": [\"margins\"]}")).rules()).hasSize(1);
        assertThatThrownBy(() -> Schema.fromJson(base.replace("RULE", "{\"type\": \"absent_when\", \"attribute\": \"test\", \"values\": "
                + "[\"core\"], \"absent\": [\"margins\"]}"))).hasMessageContaining("'core' is not a value of 'test'");
        assertThatThrownBy(() -> Schema.fromJson(base.replace("RULE", "{\"type\": \"present_only_with\", \"attribute\": \"margins\", "
                + "\"requires\": \"size\"}"))).hasMessageContaining("unknown attribute 'size'");
        assertThatThrownBy(() -> Schema.fromJson(base.replace("RULE", "{\"type\": \"sometimes\"}")))
                .hasMessageContaining("rules[0].type: unknown rule type 'sometimes'");
    }
}
