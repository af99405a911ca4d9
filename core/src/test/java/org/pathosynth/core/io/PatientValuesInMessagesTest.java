package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.schema.Schema;

/**
 * A user whose file holds a patient's name where a value belongs sees where and what was expected, never the name,
 * unless they ask ({@code showValues}).
 */
class PatientValuesInMessagesTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final String CANARY = "DUPONT Marie 1962";

    @TempDir
    Path dir;

    @Test
    void aBadCsvCellIsLocatedButNotQuoted() {
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> CsvTables.read(
                new StringReader("sbr_grade,lymph_nodes_taken\n2,3\n1,12\n2,3\n2,3\n2,3\n2,3\n2,3\n2,3\n2,3\n2,3\n2,3\n2,3\n1," + CANARY + "\n"),
                "data.csv", SCHEMA, CsvReadOptions.DEFAULT));
        assertThat(e.getMessage()).isEqualTo("data.csv:14: column 'lymph_nodes_taken': invalid value (hidden; --show-values shows it); "
                + "expected an integer in [0, 100]");
        assertThat(e.message(true)).contains("invalid value '" + CANARY + "'");
        assertThat(e.value()).isEqualTo(CANARY);
    }

    @Test
    void theOtherCellOfABrokenConstraintIsNotQuotedEither() {
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> CsvTables.read(
                new StringReader("lymph_nodes_taken,lymph_nodes_affected\n37,45\n"), "data.csv", SCHEMA, CsvReadOptions.DEFAULT));
        assertThat(e.getMessage()).doesNotContain("37").doesNotContain("45")
                .endsWith("expected lymph_nodes_affected <= lymph_nodes_taken");
    }

    @Test
    void aBadJsonValueIsLocatedButNotQuoted() throws Exception {
        Path f = dir.resolve("pairs.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"record\":{\"sbr_grade\":\"" + CANARY + "\"},\"report\":{\"text\":\"t\",\"lang\":\"fr\"}}\n");
        assertThatThrownBy(() -> Jsonl.readCorpus(f, SCHEMA))
                .hasMessage(f + ":1: column 'sbr_grade': invalid value (hidden; --show-values shows it); expected one of [1, 2, 3]");
        assertThatThrownBy(() -> Jsonl.readCorpus(f, SCHEMA, true)).hasMessageContaining("invalid value '" + CANARY + "'");
    }

    @Test
    void theJsonParserDoesNotRepeatTheLineItCouldNotRead() throws Exception {
        Path f = dir.resolve("reports.jsonl");
        Files.writeString(f, "{\"id\":\"r1\",\"text\":\"ok\"}\nPatiente DUPONT née le 3 mars 1962, dossier 4711\n");
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> Jsonl.readReports(f, "fr"));
        assertThat(e.getMessage()).startsWith(f + ":2: expected one JSON object per line (not readable at character ")
                .endsWith("; the parser's message may quote the input: --show-values shows it)")
                .doesNotContain("Patiente").doesNotContain("DUPONT");
        assertThat(e.message(true)).contains("Unrecognized token 'Patiente'");
        assertThatThrownBy(() -> Jsonl.readReports(f, "fr", true)).hasMessageContaining("Unrecognized token 'Patiente'");
    }

    @Test
    void aNonTextIdIsNotQuoted() throws Exception {
        Path f = dir.resolve("reports.jsonl");
        Files.writeString(f, "{\"id\":19620303,\"text\":\"ok\"}\n");
        assertThatThrownBy(() -> Jsonl.readReports(f, "fr")).hasMessageNotContaining("19620303")
                .hasMessageContaining(":1: column 'id': invalid value (hidden; --show-values shows it); expected a string field 'id'");
    }
}
