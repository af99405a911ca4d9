package org.pathosynth.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

class TableAndRecordTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    @Test
    void recordValidatesAndConvertsValues() {
        ClinicalRecord r = ClinicalRecord.builder(SCHEMA).set("lymph_nodes_taken", 12L).set("clear_margins", "no")
                .set("tumor_size_mm", 12.34).build();
        assertThat(r.getInteger("lymph_nodes_taken")).isEqualTo(12);
        assertThat(r.getBoolean("clear_margins")).isFalse();
        assertThat(r.getDouble("tumor_size_mm")).isEqualTo(12.0);
        assertThatThrownBy(() -> ClinicalRecord.builder(SCHEMA).set("site", "x"))
                .hasMessageContaining("has no attribute 'site'");
        assertThatThrownBy(() -> ClinicalRecord.builder(SCHEMA).set("lymph_nodes_taken", 1.5))
                .hasMessageContaining("expected an integer");
    }

    @Test
    void toStringsLeaveValuesAndTextOut() {
        ClinicalRecord r = ClinicalRecord.of(SCHEMA, Map.of("er_status", "positive"));
        assertThat(r.toString()).doesNotContain("positive").contains("1/13");
        assertThat(Report.of("r", "Carcinome lobulaire", "fr").toString()).doesNotContain("lobulaire");
    }

    @Test
    void tableStoresColumnsAndRebuildsRecords() {
        ClinicalRecord a = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "2", "clear_margins", true, "ki67_percent", 20.0));
        ClinicalRecord b = ClinicalRecord.of(SCHEMA, Map.of("lymph_nodes_taken", 3));
        Table t = Table.of(SCHEMA, List.of(a, b));
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.records()).containsExactly(a, b);
        CodedColumn grade = (CodedColumn) t.column("sbr_grade");
        assertThat(grade.code(0)).isEqualTo(1);
        assertThat(grade.code(1)).isEqualTo(CodedColumn.MISSING);
        NumericColumn nodes = (NumericColumn) t.column("lymph_nodes_taken");
        assertThat(nodes.isMissing(0)).isTrue();
        assertThat(nodes.number(1)).isEqualTo(3.0);
        assertThat(t.column("clear_margins").value(0)).isEqualTo(true);
        assertThat(t.rows(new int[] {1, 1}).records()).containsExactly(b, b);
    }

    @Test
    void encodedValuesRoundTripThroughAddEncoded() {
        ClinicalRecord a = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "3", "lymph_nodes_taken", 12, "ki67_percent", 20.5));
        ClinicalRecord b = ClinicalRecord.of(SCHEMA, Map.of("clear_margins", false));
        Table t = Table.of(SCHEMA, List.of(a, b));
        assertThat(t.column("sbr_grade").encoded()).containsExactly(2.0, Double.NaN);
        assertThat(t.column("clear_margins").encoded()).containsExactly(Double.NaN, 0.0);
        assertThat(t.column("lymph_nodes_taken").encoded(0)).isEqualTo(12.0);
        assertThat(t.column("ki67_percent").encoded()).containsExactly(20.5, Double.NaN);
        Table.Builder copy = Table.builder(SCHEMA);
        for (int r = 0; r < t.rowCount(); r++) {
            double[] row = new double[SCHEMA.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = t.column(c).encoded(r);
            }
            copy.addEncoded(row);
        }
        assertThat(copy.build()).isEqualTo(t);
    }

    @Test
    void encodedRowsAreCheckedAgainstTheDomain() {
        double[] row = new double[SCHEMA.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[SCHEMA.indexOf("sbr_grade")] = 7;
        assertThatThrownBy(() -> Table.builder(SCHEMA).addEncoded(row)).hasMessageContaining("out of range for 'sbr_grade'");
    }

    @Test
    void violationsListBrokenConstraints() {
        ClinicalRecord r = ClinicalRecord.of(SCHEMA, Map.of("lymph_nodes_taken", 2, "lymph_nodes_affected", 3));
        assertThat(r.violations()).hasSize(1);
        assertThat(r.with("lymph_nodes_affected", 2).violations()).isEmpty();
    }
}
