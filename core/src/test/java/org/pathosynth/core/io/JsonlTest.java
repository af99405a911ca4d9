package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

class JsonlTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    @Test
    void pairsRoundTripWithTypedValuesAndProvenance(@TempDir Path dir) {
        ClinicalRecord record = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "2", "tumor_size_mm", 28.0,
                "clear_margins", true, "lymph_nodes_taken", 12, "lymph_nodes_affected", 1));
        Report report = new Report("p1", "Carcinome de grade II, 2,8 cm.", "fr",
                Provenance.of("template").with("style", "prose").with("seed", 7));
        Path file = dir.resolve("pairs.jsonl");
        Jsonl.writePairs(List.of(new ReportPair("p1", record, report)), file);

        Corpus corpus = Jsonl.readCorpus(file, SCHEMA);
        assertThat(corpus.size()).isEqualTo(1);
        ReportPair back = corpus.pairs().get(0);
        assertThat(back.record()).isEqualTo(record);
        assertThat(back.report()).isEqualTo(report);
        assertThat(Jsonl.pairToJson(back).get("record").get("clear_margins").asText()).isEqualTo("yes");
        assertThat(Jsonl.pairToJson(back).get("record").get("er_status").isNull()).isTrue();
    }

    @Test
    void errorsNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"record\":{},\"report\":{\"text\":\"t\",\"lang\":\"fr\"}}\n"
                + "{\"id\":\"b\",\"record\":{\"sbr_grade\":\"5\"},\"report\":{\"text\":\"t\",\"lang\":\"fr\"}}\n");
        assertThatThrownBy(() -> Jsonl.readCorpus(file, SCHEMA))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":2: column 'sbr_grade': invalid value (hidden; --show-values shows it); expected one of [1, 2, 3]");
        assertThatThrownBy(() -> Jsonl.readCorpus(file, SCHEMA, true))
                .hasMessage(file + ":2: column 'sbr_grade': invalid value '5'; expected one of [1, 2, 3]");

        Files.writeString(file, "{\"id\":\"a\",\"record\":{\"colour\":1},\"report\":{\"text\":\"t\",\"lang\":\"fr\"}}\n");
        assertThatThrownBy(() -> Jsonl.readCorpus(file, SCHEMA)).hasMessageContaining(":1: column 'colour'");

        Files.writeString(file, "\n{\"id\":\"a\", broken\n");
        assertThatThrownBy(() -> Jsonl.readCorpus(file, SCHEMA)).hasMessageContaining(":2: expected one JSON object per line");

        Files.writeString(file, "{\"id\":\"a\",\"record\":{}}\n");
        assertThatThrownBy(() -> Jsonl.readCorpus(file, SCHEMA)).hasMessageContaining(":1: column 'report'");
    }

    @Test
    void reportsDefaultTheLanguage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports.jsonl");
        Files.writeString(file, "{\"id\":\"r1\",\"text\":\"RE positifs\"}\n{\"id\":\"r2\",\"text\":\"ER negative\",\"lang\":\"en\"}\n");
        List<Report> reports = Jsonl.readReports(file, "fr");
        assertThat(reports).extracting(Report::language).containsExactly("fr", "en");
        Jsonl.writeReports(reports, dir.resolve("copy.jsonl"));
        assertThat(Jsonl.readReports(dir.resolve("copy.jsonl"), "de")).isEqualTo(reports);
    }

    @Test
    void twoReportsWithOneIdAreRefusedNamingBothLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports.jsonl");
        Files.writeString(file, "{\"id\":\"H-1234\",\"text\":\"a\"}\n{\"id\":\"r2\",\"text\":\"b\"}\n\n{\"id\":\"H-1234\",\"text\":\"c\"}\n");
        assertThatThrownBy(() -> Jsonl.readReports(file, "fr"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":4: column 'id': duplicate id: line 1 has the same one (ids must be unique within a file)");
        assertThatThrownBy(() -> Jsonl.readReports(file, "fr", true)).hasMessageContaining("duplicate id 'H-1234': line 1");
    }

    @Test
    void twoPairsOrTwoPredictionsWithOneIdAreRefused(@TempDir Path dir) throws Exception {
        Path pairs = dir.resolve("pairs.jsonl");
        String pair = "{\"id\":\"r1\",\"record\":{},\"report\":{\"text\":\"t\",\"lang\":\"fr\"}}\n";
        Files.writeString(pairs, pair + pair);
        assertThatThrownBy(() -> Jsonl.readCorpus(pairs, SCHEMA)).hasMessage(pairs + ":2: column 'id': duplicate id: line 1 has the same one "
                + "(ids must be unique within a file)");
        Path predictions = dir.resolve("predictions.jsonl");
        Files.writeString(predictions, "{\"id\":\"r1\",\"record\":{}}\n{\"id\":\"r2\",\"record\":{}}\n{\"id\":\"r1\",\"record\":{}}\n");
        assertThatThrownBy(() -> Jsonl.readPredictions(predictions, SCHEMA)).hasMessageContaining(":3: column 'id': duplicate id: line 1 has");
    }

    @Test
    void aJsonLinesFileThatIsNotUtf8IsRefusedWithTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports.jsonl");
        Files.write(file, "{\"id\":\"r1\",\"text\":\"a\"}\n{\"id\":\"r2\",\"text\":\"biopsie réalisée\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Jsonl.readReports(file, "fr"))
                .hasMessage(file + ":2: the bytes are not valid UTF-8 text (JSON Lines files are UTF-8): save the file as UTF-8");
    }
}
