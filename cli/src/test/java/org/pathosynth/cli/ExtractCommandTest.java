package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;

class ExtractCommandTest {
    static final String TEXT = "Microbiopsie du sein droit. Carcinome infiltrant de type non spécifique, grade SBR 3. "
            + "Récepteurs aux œstrogènes négatifs. Ki-67 : 40 %.";

    static Path reports(Path dir) throws Exception {
        Path in = dir.resolve("reports.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"" + TEXT + "\"}\n{\"id\":\"b\",\"text\":\"" + TEXT.replace("3", "1") + "\"}\n");
        return in;
    }

    static List<JsonNode> lines(Path file) throws Exception {
        ObjectMapper om = new ObjectMapper();
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return om.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void rulesWriteRecordsAndEvidence(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pred.jsonl");
        assertThat(PathoSynthCli.run("extract", "--reports", reports(dir).toString(), "--out", out.toString())).isZero();
        List<JsonNode> l = lines(out);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).path("record").path("sbr_grade").asText()).isEqualTo("3");
        assertThat(l.get(1).path("record").path("sbr_grade").asText()).isEqualTo("1");
        JsonNode ev = l.get(0).path("evidence").path("sbr_grade");
        assertThat(TEXT.substring(ev.path("start").asInt(), ev.path("end").asInt())).isEqualTo(ev.path("quote").asText());
    }

    @Test
    void anLlmSpecExtractsThroughTheProviderAndARerunIsServedFromTheCache(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pred.jsonl");
        String answer = "{\"sbr_grade\": {\"value\": \"III\", \"evidence\": \"grade SBR 3\"}, \"er_status\": {\"value\": \"négatif\","
                + " \"evidence\": \"Récepteurs aux oestrogènes négatifs\"}, \"ki67_percent\": {\"value\": \"40 %\", \"evidence\": null}}";
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(answer))) {
            String[] args = {"extract", "--reports", reports(dir).toString(), "--extractor",
                    "openai-compatible:" + server.openAiBaseUrl() + "#extractor", "--out", out.toString()};
            assertThat(PathoSynthCli.run(args)).isZero();
            assertThat(PathoSynthCli.run(args)).isZero();
            assertThat(server.requests()).hasSize(2); // two reports, once each
        }
        List<JsonNode> l = lines(out);
        assertThat(l.get(0).path("record").path("sbr_grade").asText()).isEqualTo("3");
        assertThat(l.get(0).path("record").path("er_status").asText()).isEqualTo("negative");
        assertThat(l.get(0).path("record").path("ki67_percent").asDouble()).isEqualTo(40.0);
        assertThat(l.get(0).path("evidence").path("er_status").path("quote").asText()).isEqualTo("Récepteurs aux œstrogènes négatifs");
        assertThat(l.get(0).path("evidence").has("ki67_percent")).isFalse();
    }

    @Test
    void realReportsDoNotGoToARemoteModelWithoutPermission(@TempDir Path dir) throws Exception {
        try (CapturedStderr err = new CapturedStderr()) {
            int code = PathoSynthCli.run("extract", "--reports", reports(dir).toString(), "--extractor",
                    "openai-compatible:https://llm.example.org/v1#m", "--out", dir.resolve("p.jsonl").toString());
            assertThat(code).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: refusing to send the report to extract from (derived from real patient records) "
                    + "to the remote model openai-compatible:https://llm.example.org/v1#m").contains("--allow-remote-real-text");
            assertThat(PathoSynthCli.run("extract", "--reports", reports(dir).toString(), "--extractor", "ollama:m", "--shots", "2",
                    "--out", dir.resolve("p.jsonl").toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: --shots 2 needs --shots-from pairs.jsonl (synthetic pairs)");
        }
    }
}
