package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.schema.Schema;

/** Headers that nearly name the schema's columns, name none of them, or name columns left blank: never half-read. */
class HeaderMatchTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    private static CsvReadResult read(String csv) {
        return CsvTables.read(new StringReader(csv), "in.csv", SCHEMA, CsvReadOptions.DEFAULT);
    }

    @Test
    void aHeaderSpelledLikeASchemaColumnIsAnErrorWithTheSuggestion() {
        assertThatThrownBy(() -> read("ER_status,sbr_grade\npositive,2\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("in.csv:1: column 'ER_status': did you mean 'er_status'? Column names must match schema 'breast-cancer' "
                        + "exactly: rename this header cell to read it.");
        assertThatThrownBy(() -> read("er_status,sbr grade\npositive,2\n")).hasMessageContaining("column 'sbr grade': did you mean 'sbr_grade'?");
        assertThatThrownBy(() -> read("er_status,Sbr-Grade\npositive,2\n")).hasMessageContaining("column 'Sbr-Grade': did you mean 'sbr_grade'?");
        assertThatThrownBy(() -> read("er_status,tumour_size_mm\npositive,2\n"))
                .hasMessageContaining("column 'tumour_size_mm': did you mean 'tumor_size_mm'?");
        assertThatThrownBy(() -> read("er_status,Ki-67 (%)\npositive,2\n"))
                .hasMessageContaining("column 'Ki-67 (%)': did you mean 'ki67_percent'?");
    }

    @Test
    void everyNearMissIsNamedInOneMessageWithAWordOnUnits() {
        assertThatThrownBy(() -> read("ER_status,sbr grade,tumour size (cm)\npositive,2,3\n"))
                .hasMessage("in.csv:1: column 'ER_status': did you mean 'er_status'? Column 'sbr grade': did you mean 'sbr_grade'? "
                        + "Column 'tumour size (cm)': did you mean 'tumor_size_mm'? (its values are in mm) Column names must match "
                        + "schema 'breast-cancer' exactly: rename these header cells to read them.");
    }

    @Test
    void columnsThatAreNotNearMissesAreStillKeptAsUnknown() {
        CsvReadResult r = read("source_id,er_status,tumor_size_category,comment\nP1,positive,<=20,x\n");
        assertThat(r.unknownColumns()).containsExactly("source_id", "tumor_size_category", "comment");
        assertThat(r.table().record(0).getString("er_status")).isEqualTo("positive");
    }

    @Test
    void aHeaderAlsoHoldingTheExactColumnIsNotANearMiss() {
        CsvReadResult r = read("er_status,ER status\npositive,pos\n");
        assertThat(r.unknownColumns()).containsExactly("ER status");
    }

    @Test
    void aTableWithNoSchemaColumnIsRefusedListingTheExpectedOnes() {
        assertThatThrownBy(() -> read("patient,age,weight\nA,54,61\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("in.csv:1: no column of the header (3 columns, comma-separated) is a column of schema 'breast-cancer'; "
                        + "expected some of " + String.join(", ", SCHEMA.names()) + " (the first line must name the columns)");
        // A file without its header line: the first patient is not echoed as column names.
        assertThatThrownBy(() -> read("mastectomy,8520/3,3\nbiopsy,8500/3,2\n"))
                .hasMessageNotContaining("mastectomy").hasMessageContaining("(3 columns, comma-separated)");
    }

    @Test
    void callersThatInferSchemasCanSeeTheMismatchBeforeReading() {
        assertThat(HeaderMatch.of(List.of("patient", "age"), SCHEMA).matchesNothing()).isTrue();
        HeaderMatch m = HeaderMatch.of(List.of("er_status", "ER_status_date", "Sbr_Grade"), SCHEMA);
        assertThat(m.matchesNothing()).isFalse();
        assertThat(m.attributeOf(0)).isEqualTo(SCHEMA.indexOf("er_status"));
        assertThat(m.attributeOf(1)).isEqualTo(-1);
        assertThat(m.nearMisses()).containsExactly(new HeaderMatch.NearMiss("Sbr_Grade", List.of("sbr_grade")));
        assertThat(m.missingColumns()).hasSize(12).doesNotContain("er_status").contains("sbr_grade");
    }

    @Test
    void aSchemaColumnBlankInEveryRowIsSaidToBeEmptyNotRead() {
        CsvReadResult r = read("sbr_grade,er_status,ki67_percent\n2,,\n3,,\n");
        assertThat(r.emptyColumns()).containsExactly("er_status", "ki67_percent");
        assertThat(r.missingColumns()).hasSize(10).doesNotContain("er_status");
        assertThat(r.absentColumns()).hasSize(12).contains("er_status", "ki67_percent", "her2_status").doesNotContain("sbr_grade");
    }

    @Test
    void aTableWhoseSchemaColumnsAreAllBlankIsNeverASuccess() {
        assertThatThrownBy(() -> read("sbr_grade,er_status,note\n,,a\n,,b\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("in.csv: no row of 2 has a value in any column of schema 'breast-cancer' (sbr_grade, er_status are blank "
                        + "throughout): there is nothing to read");
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyTableNotAnError() {
        CsvReadResult r = read("sbr_grade,er_status\n");
        assertThat(r.table().rowCount()).isZero();
        assertThat(r.emptyColumns()).isEmpty();
    }
}
