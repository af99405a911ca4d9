package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class CsvTablesTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final String HEADER = "test_used_for_diagnosis,morphology_icdo,sbr_grade,tumor_size_mm,clear_margins,"
            + "lymph_nodes_taken,lymph_nodes_affected,lymphovascular_invasion,extracapsular_spread,er_status,pr_status,"
            + "her2_status,ki67_percent";

    private static CsvReadResult read(String csv) {
        return CsvTables.read(new StringReader(csv), "in.csv", SCHEMA, CsvReadOptions.DEFAULT);
    }

    /** As the user who asked to see the values in messages. */
    private static CsvReadResult readShowingValues(String csv) {
        return CsvTables.read(new StringReader(csv), "in.csv", SCHEMA, CsvReadOptions.DEFAULT.withShowValues(true));
    }

    @Test
    void parsesEveryKindIncludingMissingCells() {
        CsvReadResult r = read(HEADER + "\nmastectomy,8520/3,3,22.5,yes,13,4,no,yes,positive,negative,positive,15\n"
                + ",,,,,,,,,,,,\n");
        Table t = r.table();
        assertThat(t.rowCount()).isEqualTo(2);
        ClinicalRecord first = t.record(0);
        assertThat(first.getString("test_used_for_diagnosis")).isEqualTo("mastectomy");
        assertThat(first.getString("sbr_grade")).isEqualTo("3");
        assertThat(first.getDouble("tumor_size_mm")).isEqualTo(22.0); // whole millimetres: rounded, half to even, and counted
        assertThat(r.roundedValues()).containsExactly(java.util.Map.entry("tumor_size_mm", 1));
        assertThat(r.roundingNotices()).containsExactly("1 value of tumor_size_mm rounded to whole numbers (the schema keeps 0 decimals)");
        assertThat(first.getBoolean("clear_margins")).isTrue();
        assertThat(first.getInteger("lymph_nodes_taken")).isEqualTo(13);
        assertThat(first.getBoolean("lymphovascular_invasion")).isFalse();
        assertThat(first.getDouble("ki67_percent")).isEqualTo(15.0);
        assertThat(t.record(1).nonNullCount()).isZero();
        assertThat(r.unknownColumns()).isEmpty();
        assertThat(r.missingColumns()).isEmpty();
    }

    @Test
    void badIntegerCellNamesFileLineColumnValueAndExpectation() {
        assertThatThrownBy(() -> read("sbr_grade,lymph_nodes_taken\n2,3\n1,abc\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("in.csv:3: column 'lymph_nodes_taken': invalid value (hidden; --show-values shows it); expected an integer in [0, 100]");
        assertThatThrownBy(() -> readShowingValues("sbr_grade,lymph_nodes_taken\n2,3\n1,abc\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("in.csv:3: column 'lymph_nodes_taken': invalid value 'abc'; expected an integer in [0, 100]")
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.column()).isEqualTo("lymph_nodes_taken");
                    assertThat(d.value()).isEqualTo("abc");
                });
    }

    @Test
    void badBooleanCategoryAndRangeCells() {
        assertThatThrownBy(() -> readShowingValues("clear_margins\nmaybe\n"))
                .hasMessage("in.csv:2: column 'clear_margins': invalid value 'maybe'; expected yes or no (also accepted: true/false, 1/0)");
        assertThatThrownBy(() -> readShowingValues("test_used_for_diagnosis\nautopsy\n"))
                .hasMessage("in.csv:2: column 'test_used_for_diagnosis': invalid value 'autopsy'; expected one of "
                        + "[lumpectomy, biopsy, mastectomy, surgical_excision, lymph_node_dissection]");
        assertThatThrownBy(() -> readShowingValues("ki67_percent\n140\n"))
                .hasMessage("in.csv:2: column 'ki67_percent': invalid value '140'; expected a number in [0, 100] %");
        assertThatThrownBy(() -> read("ki67_percent\n140\n"))
                .hasMessage("in.csv:2: column 'ki67_percent': invalid value (hidden; --show-values shows it); expected a number in [0, 100] %");
        assertThatThrownBy(() -> read("tumor_size_mm\n-3\n"))
                .hasMessageContaining("expected a number in [1, 300] mm");
    }

    @Test
    void constraintViolationIsABadRow() {
        assertThatThrownBy(() -> readShowingValues("lymph_nodes_taken,lymph_nodes_affected\n3,5\n"))
                .hasMessage("in.csv:2: column 'lymph_nodes_affected': invalid value '5'; expected "
                        + "lymph_nodes_affected <= lymph_nodes_taken (lymph_nodes_taken is 3)");
        assertThatThrownBy(() -> read("lymph_nodes_taken,lymph_nodes_affected\n3,5\n"))
                .hasMessage("in.csv:2: column 'lymph_nodes_affected': invalid value (hidden; --show-values shows it); expected "
                        + "lymph_nodes_affected <= lymph_nodes_taken");
    }

    @Test
    void wrongFieldCountAndUnclosedQuoteAreReported() {
        assertThatThrownBy(() -> read("sbr_grade,er_status\n2\n"))
                .hasMessage("in.csv:2: expected 2 fields as in the header, found 1");
        assertThatThrownBy(() -> read("sbr_grade,er_status\n2,\"positive\n"))
                .hasMessageContaining("in.csv:2: expected a closing double quote");
        assertThatThrownBy(() -> read(""))
                .hasMessageContaining("in.csv:1: expected a header line");
    }

    @Test
    void unknownColumnsAreReportedAndIgnoredMissingColumnsReadAsNull() {
        CsvReadResult r = read("source_id,sbr_grade,note\nP1,2,\"free, text\"\n");
        assertThat(r.unknownColumns()).containsExactly("source_id", "note");
        assertThat(r.missingColumns()).hasSize(12).contains("er_status", "ki67_percent");
        assertThat(r.table().record(0).getString("sbr_grade")).isEqualTo("2");
        assertThat(r.table().record(0).get("er_status")).isNull();
    }

    @Test
    void strictModeRejectsUnknownColumns() {
        assertThatThrownBy(() -> CsvTables.read(new StringReader("sbr_grade,extra\n2,x\n"), "in.csv", SCHEMA, CsvReadOptions.strict()))
                .hasMessageContaining("in.csv:1: column 'extra'").hasMessageContaining("strict mode");
    }

    @Test
    void lenientModeSkipsAndCountsBadRows() {
        CsvReadResult r = CsvTables.read(new StringReader("sbr_grade,lymph_nodes_taken\n2,3\n9,1\n1,x\n3,4\n"),
                "in.csv", SCHEMA, CsvReadOptions.lenient());
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.skippedRowCount()).isEqualTo(2);
        assertThat(r.skippedRows()).extracting(DataFormatException::line).containsExactly(3L, 4L);
    }

    @Test
    void quotedFieldsCrlfBomAndBlankLines() {
        CsvReadResult r = read("\uFEFFsbr_grade,er_status\r\n\"2\",\"positive\"\r\n\r\n\"3\",negative\r\n");
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.table().record(1).getString("er_status")).isEqualTo("negative");
    }

    @Test
    void writeThenReadGivesTheSameTable(@TempDir Path dir) throws Exception {
        Table original = read(HEADER + "\nmastectomy,8520/3,3,22,yes,13,4,no,yes,positive,negative,positive,15\n"
                + "biopsy,,1,,,,,,,negative,,,7.5\n").table();
        Path file = dir.resolve("out.csv");
        CsvTables.write(original, file);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(HEADER);
        assertThat(Files.readAllLines(file).get(1)).isEqualTo("mastectomy,8520/3,3,22,yes,13,4,no,yes,positive,negative,positive,15");
        assertThat(CsvTables.read(file, SCHEMA).table()).isEqualTo(original);
    }

    @Test
    void quotesCellsThatNeedIt() throws Exception {
        Schema s = Schema.fromJson("{\"name\":\"q\",\"attributes\":[{\"name\":\"c\",\"kind\":\"categorical\","
                + "\"values\":[\"a,b\",\"say \\\"hi\\\"\"]}]}");
        Table t = Table.of(s, java.util.List.of(ClinicalRecord.of(s, java.util.Map.of("c", "a,b")),
                ClinicalRecord.of(s, java.util.Map.of("c", "say \"hi\""))));
        StringWriter w = new StringWriter();
        CsvTables.write(t, w);
        assertThat(w.toString()).isEqualTo("c\n\"a,b\"\n\"say \"\"hi\"\"\"\n");
        assertThat(CsvTables.read(new StringReader(w.toString()), "q", s, CsvReadOptions.DEFAULT).table()).isEqualTo(t);
    }

    @Test
    void readsThePublicTablesCompletely() {
        Path tcga = Path.of("../../shared/data/tcga-brca.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(tcga), "shared data beside the checkout");
        CsvReadResult r = CsvTables.read(tcga, SCHEMA);
        assertThat(r.table().rowCount()).isEqualTo(1099);
        assertThat(r.unknownColumns()).containsExactly("source_id", "tumor_size_category");
        assertThat(r.table().column("test_used_for_diagnosis").missingCount()).isEqualTo(120);
    }
}
