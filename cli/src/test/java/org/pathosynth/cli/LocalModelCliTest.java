package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.local.LlamaCppModels;
import org.pathosynth.llm.local.TinyLlamaGguf;

/** Generation and constrained extraction end to end through the CLI with a GGUF model run in process (our tiny one). */
class LocalModelCliTest {
    @AfterAll
    static void free() {
        LlamaCppModels.closeAll();
    }

    @Test
    void generateWritesOneReportPerRecordWithTheLocalModelAndItsThroughput(@TempDir Path dir) throws Exception {
        Path records = GenerateCommandTest.records(dir, 3);
        String spec = "local:" + TinyLlamaGguf.write(dir.resolve("tiny.gguf"), 7, TinyLlamaGguf.CHATML_TEMPLATE) + "?threads=1";
        Path out = dir.resolve("pairs.jsonl");
        Path summary = dir.resolve("summary.json");
        int code = PathoSynthCli.run("generate", "--records", records.toString(), "--generator", spec, "--concurrency", "2",
                "--out", out.toString(), "--summary", summary.toString());
        List<ReportPair> pairs = Jsonl.readCorpus(out, Schema.breastCancer()).pairs();
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertThat(s.path("written").asInt() + s.path("failed").asInt()).isEqualTo(3);
        // the tiny model writes random tokens: an answer cut at the token limit is a counted failure, and the exit status says so
        assertThat(s.path("written").asInt()).isPositive();
        assertThat(code).isEqualTo(s.path("failed").asInt() == 0 ? 0 : 1);
        assertThat(pairs).hasSize(s.path("written").asInt());
        pairs.forEach(p -> assertThat(p.report().provenance().get("model")).isEqualTo(spec));
        JsonNode local = s.path("local_models").path(spec);
        assertThat(local.path("calls").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(local.path("prompt_tokens_per_second").asDouble()).isPositive();
        assertThat(local.path("generated_tokens_per_second").asDouble()).isPositive();
        assertThat(s.path("estimated_cost_usd").asDouble()).isZero();
    }

    @Test
    void extractReadsRealReportsWithAGrammarConstrainedLocalModel(@TempDir Path dir) throws Exception {
        String spec = "local:" + TinyLlamaGguf.write(dir.resolve("tiny.gguf"), 9, null) + "?threads=1";
        Path out = dir.resolve("pred.jsonl");
        int code = PathoSynthCli.run("extract", "--reports", ExtractCommandTest.reports(dir).toString(), "--extractor", spec,
                "--out", out.toString()); // real text, strict privacy gate: allowed, the model is in process
        assertThat(code).isZero();
        List<JsonNode> lines = ExtractCommandTest.lines(out);
        assertThat(lines).hasSize(2);
        Schema schema = Schema.breastCancer();
        for (JsonNode l : lines) {
            for (Attribute a : schema.attributes()) { // the grammar only lets the model write values the schema allows
                JsonNode v = l.path("record").path(a.name());
                if (!v.isMissingNode() && !v.isNull() && !a.values().isEmpty()) {
                    assertThat(a.values()).contains(v.asText());
                }
            }
        }
        assertThat(Files.readString(out)).doesNotContain("malformed");
    }
}
