package org.pathosynth.extraction.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.ExtractionPrompt;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

class TrainingSetExportTest {
    static final Schema SCHEMA = Schema.breastCancer();

    static List<ReportPair> pairs(int n) {
        List<ReportPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord r = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", String.valueOf(1 + i % 3), "tumor_size_mm", String.valueOf(10 + i)));
            out.add(new ReportPair("p" + i, r, Report.of("p" + i, "Carcinome grade " + (1 + i % 3) + ", " + (10 + i) + " mm.", "fr")));
        }
        return out;
    }

    @Test
    void chatFormatsCarryTheExtractorsInstructionAndTheRecordAsTheAnswer(@TempDir Path dir) throws Exception {
        var result = TrainingSetExport.of(ExportFormat.OPENAI, 0.2, 7, "fr").write(pairs(10), SCHEMA, dir);
        assertThat(result.trainCount()).isEqualTo(8);
        assertThat(result.validationCount()).isEqualTo(2);
        List<String> lines = Files.readAllLines(result.train());
        assertThat(lines).hasSize(8);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        JsonNode m = first.path("messages");
        ExtractionPrompt prompt = ExtractionPrompt.of(SCHEMA, "fr");
        assertThat(m.get(0).path("role").asText()).isEqualTo("system");
        assertThat(m.get(0).path("content").asText()).isEqualTo(prompt.system());
        assertThat(m.get(1).path("content").asText()).startsWith("Compte rendu :").contains("Carcinome grade");
        JsonNode answer = new ObjectMapper().readTree(m.get(2).path("content").asText());
        String report = m.get(1).path("content").asText();
        assertThat(report).contains(answer.path("tumor_size_mm").path("value").asText() + " mm");
        assertThat(answer.path("ki67_percent").path("value").isNull()).isTrue();
        assertThat(answer.size()).isEqualTo(13);
    }

    @Test
    void theSplitIsSeededAndTheFormatsDiffer(@TempDir Path dir) throws Exception {
        TrainingSetExport.of(ExportFormat.HF_MESSAGES, 0.3, 1, "en").write(pairs(20), SCHEMA, dir.resolve("a"));
        TrainingSetExport.of(ExportFormat.HF_MESSAGES, 0.3, 1, "en").write(pairs(20), SCHEMA, dir.resolve("b"));
        TrainingSetExport.of(ExportFormat.HF_MESSAGES, 0.3, 2, "en").write(pairs(20), SCHEMA, dir.resolve("c"));
        assertThat(Files.readString(dir.resolve("a/train.jsonl"))).isEqualTo(Files.readString(dir.resolve("b/train.jsonl")));
        assertThat(Files.readString(dir.resolve("a/validation.jsonl"))).isNotEqualTo(Files.readString(dir.resolve("c/validation.jsonl")));
        JsonNode hf = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("a/train.jsonl")).get(0));
        assertThat(hf.path("id").asText()).startsWith("p");
        assertThat(hf.path("messages").get(0).path("content").asText()).startsWith("You are an information extraction assistant");

        TrainingSetExport.of(ExportFormat.ALPACA, 0, 1, "fr").write(pairs(3), SCHEMA, dir.resolve("d"));
        JsonNode alpaca = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("d/train.jsonl")).get(0));
        assertThat(alpaca.fieldNames()).toIterable().containsExactly("instruction", "input", "output");
        assertThat(Files.readString(dir.resolve("d/validation.jsonl"))).isEmpty();

        TrainingSetExport.of(ExportFormat.MISTRAL, 0.5, 1, "fr").write(pairs(4), SCHEMA, dir.resolve("e"));
        JsonNode mistral = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("e/train.jsonl")).get(0));
        assertThat(mistral.path("messages").get(2).path("role").asText()).isEqualTo("assistant"); // the assistant turn last
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> ExportFormat.parse("jsonl")).hasMessageContaining("[openai, mistral, hf-messages, alpaca]");
        assertThatThrownBy(() -> TrainingSetExport.of(ExportFormat.OPENAI, 1.0, 1, "fr")).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> TrainingSetExport.of(ExportFormat.OPENAI, 0.1, 1, "fr").write(List.of(), SCHEMA, Path.of("x")))
                .hasMessageContaining("no pairs");
    }
}
